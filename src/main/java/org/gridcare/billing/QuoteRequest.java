package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a quote is computed from. {@code periodStart} and {@code periodEnd} are inclusive calendar days.
 * {@code kwh} gives the total, or the TOU split (critical peak, peak, flat, valley), or both (then they must
 * agree). {@code annualKwhBefore}: kWh of the same calendar year before {@code periodStart} (annual tiers;
 * default 0). {@code capacityKva} / {@code maxDemandKw} with {@code basicChargeBasis} (default CAPACITY) for a
 * two-part tariff. {@code reactiveKvarh} for the power factor; {@code pfStandard} (0.90/0.85/0.80) overrides
 * the tariff's standard. Without reactive energy no power-factor adjustment is made (the quote says so).
 */
public record QuoteRequest(String tariffCode, LocalDate periodStart, LocalDate periodEnd, Kwh kwh,
                           BigDecimal annualKwhBefore, BigDecimal capacityKva, BigDecimal maxDemandKw,
                           BasicChargeBasis basicChargeBasis, BigDecimal reactiveKvarh, BigDecimal pfStandard) {

    /** Active energy of the period: a total and/or the time-of-use split. */
    public record Kwh(BigDecimal total, BigDecimal criticalPeak, BigDecimal peak, BigDecimal flat, BigDecimal valley) {

        public static Kwh total(BigDecimal total) {
            return new Kwh(total, null, null, null, null);
        }

        public static Kwh split(BigDecimal criticalPeak, BigDecimal peak, BigDecimal flat, BigDecimal valley) {
            return new Kwh(null, criticalPeak, peak, flat, valley);
        }

        /** The kWh of a period, null when not given. */
        public BigDecimal of(TouPeriod period) {
            return switch (period) {
                case CRITICAL_PEAK -> criticalPeak;
                case PEAK -> peak;
                case FLAT -> flat;
                case VALLEY -> valley;
            };
        }

        public boolean hasSplit() {
            return criticalPeak != null || peak != null || flat != null || valley != null;
        }
    }
}
