package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One customer's consumption of a calendar month (Asia/Shanghai) as billing needs it, after the meters'
 * multipliers: total kWh, the TOU registers and reactive energy (null when the meters have no such register),
 * the month's maximum demand (kW), and the kWh of the same calendar year before the month (for annual tiers).
 * {@code source} is REGISTER (register differences) or INTERVAL (interval readings, no TOU split).
 */
public record MonthUsage(String customerNumber, YearMonth month, BigDecimal kwh, BigDecimal criticalPeak,
                         BigDecimal peak, BigDecimal flat, BigDecimal valley, BigDecimal reactiveKvarh,
                         BigDecimal maxDemandKw, BigDecimal kwhEarlierInYear, String source) {
}
