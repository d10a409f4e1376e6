package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an agent sees about a customer's consumption (用电分析) over a range of days: the daily and
 * monthly series, month-on-month and year-on-year change of the last month with data, the TOU shares,
 * the load profile (average day, weekdays vs weekends), the peak demand, the comparison with similar
 * customers (same kind, same supply station) and the detected anomalies.
 */
record ConsumptionAnalysis(String customerNumber, String customerName, String kind, LocalDate from, LocalDate to,
                           List<SeriesPoint> daily, List<SeriesPoint> monthly, Change monthOnMonth,
                           Change yearOnYear, TouShares touShares, LoadProfile loadProfile, PeakDemand peakDemand,
                           PeerComparison peers, List<Anomaly> anomalies) {

    /** kWh of {@code period} against {@code comparedWith}; {@code percent} is null without a base. */
    record Change(String period, BigDecimal kwh, String comparedWith, BigDecimal previousKwh, BigDecimal percent) {
    }

    /** Shares in percent of the TOU registers' consumption over the range (registers only). */
    record TouShares(BigDecimal criticalPeak, BigDecimal peak, BigDecimal flat, BigDecimal valley, BigDecimal kwh) {
    }

    /**
     * Average kWh in each hour of the day (0–23) over the interval readings of {@code from}–{@code to}:
     * all days, weekdays (Monday–Friday) and weekends, with the days behind each.
     */
    record LoadProfile(LocalDate from, LocalDate to, List<BigDecimal> all, List<BigDecimal> weekday,
                       List<BigDecimal> weekend, long weekdays, long weekendDays) {
    }

    record PeakDemand(BigDecimal kw, String period) {
    }

    /**
     * The customer's average daily kWh among {@code customers} peers with data (the customer included):
     * their median, and the share of peers using at most as much as the customer ({@code percentile}).
     */
    record PeerComparison(int customers, BigDecimal averageDailyKwh, BigDecimal medianDailyKwh, BigDecimal percentile) {
    }
}
