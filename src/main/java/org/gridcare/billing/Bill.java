package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A customer's stored bill for a calendar month: the tariff version used, the consumption it was computed
 * from ({@code source} REGISTER or INTERVAL; the TOU kWh null where the meters have no TOU registers), the
 * inputs of the basic charge and power factor, the components, the total and the lines (labels in the
 * reader's language). {@code runId} is the bill run that wrote it, null for a single recalculation.
 */
public record Bill(String customerNumber, YearMonth month, String tariffCode, String tariffName, boolean exampleTariff,
                   LocalDate tariffEffectiveFrom, LocalDate periodStart, LocalDate periodEnd, int days, String source,
                   BigDecimal totalKwh, BigDecimal criticalPeakKwh, BigDecimal peakKwh, BigDecimal flatKwh,
                   BigDecimal valleyKwh, BigDecimal kwhEarlierInYear, BigDecimal capacityKva, BigDecimal maxDemandKw,
                   BasicChargeBasis basicChargeBasis, BigDecimal reactiveKvarh, BigDecimal powerFactor,
                   BigDecimal pfStandard, BigDecimal pfAdjustmentPercent, BigDecimal energyCharge, BigDecimal tierExtra,
                   BigDecimal basicCharge, BigDecimal pfAdjustment, BigDecimal surcharges, BigDecimal total,
                   List<QuoteLine> lines, Long runId, Instant calculatedAt) {

    public Bill {
        lines = List.copyOf(lines);
    }

    /** The kWh of a TOU period (null when not metered). */
    public BigDecimal kwhOf(TouPeriod period) {
        return switch (period) {
            case CRITICAL_PEAK -> criticalPeakKwh;
            case PEAK -> peakKwh;
            case FLAT -> flatKwh;
            case VALLEY -> valleyKwh;
        };
    }
}
