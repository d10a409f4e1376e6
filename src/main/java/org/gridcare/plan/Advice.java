package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.gridcare.billing.BasicChargeBasis;
import org.gridcare.billing.Quote;

/**
 * The savings advice (节费建议) for a customer, from the full months {@code from}–{@code to}: the current setup
 * (tariff and, for a two-part tariff, the basic-charge basis), its cost over the months that could be priced, and
 * the options sorted by estimated annual saving (highest first; information without a saving last). An option
 * the tariff does not allow is absent; one it allows but the data can't support is in {@code unavailable}.
 */
public record Advice(String customerNumber, String customerName, String tariffCode, BasicChargeBasis basis,
                     YearMonth from, YearMonth to, int monthsWithData, BigDecimal currentCost,
                     BigDecimal peakShiftShare, BigDecimal minAnnualSaving, List<Option> options,
                     List<Unavailable> unavailable) {

    public Advice {
        options = List.copyOf(options);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * One option. {@code key} identifies it for a plan ({@code KIND} or {@code KIND:target}); {@code annualSaving}
     * = (Σ monthly saving) × 12 / {@code months} when fewer than 12 months could be priced; {@code advised} when it
     * reaches the configured minimum; {@code calculation} holds both bills of every month, line by line, from the
     * billing engine. {@code tier} only for TIER_AWARENESS.
     */
    public record Option(String key, AdviceKind kind, boolean advised, boolean informational, String targetTariff,
                         BasicChargeBasis targetBasis, BigDecimal annualSaving, BigDecimal currentCost,
                         BigDecimal proposedCost, int months, String title, String summary, List<String> assumptions,
                         List<MonthCalculation> calculation, TierPosition tier) {

        public Option {
            assumptions = List.copyOf(assumptions);
            calculation = List.copyOf(calculation);
        }
    }

    /** A month as the option prices it: the kWh and where its time-of-use split came from, both bills, the saving. */
    public record MonthCalculation(YearMonth month, BigDecimal kwh, String split, Quote current, Quote proposed,
                                   BigDecimal saving) {
    }

    /**
     * Where the calendar year {@code year} stands on the annual tiers after {@code kwhYearToDate}: the tier reached,
     * the kWh left to the next one and what that tier adds per kWh; the year projected from the last twelve months'
     * consumption and its bill from the billing engine ({@code projectedYear.tierExtra()} is what tiers above the
     * first add).
     */
    public record TierPosition(int year, BigDecimal kwhYearToDate, int tier, BigDecimal nextTierAboveKwh,
                               BigDecimal kwhToNextTier, BigDecimal nextTierIncrement, BigDecimal projectedAnnualKwh,
                               Quote projectedYear) {
    }

    public record Unavailable(AdviceKind kind, String reason) {
    }
}
