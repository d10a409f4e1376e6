package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of a tariff, in force from {@code effectiveFrom} until the next version's start. {@code prices}
 * holds the (tier 1) energy price of each period — ALL for FLAT pricing, {@link TouPeriod} names for TOU.
 * A tier adds its {@code increment} to every period's price for the kWh beyond {@code aboveKwh} of the
 * cumulative consumption ({@code tierBasis} ANNUAL: the calendar year, MONTHLY: the month).
 */
public record TariffSchedule(long versionId, String code, LocalDate effectiveFrom, Pricing pricing, TierBasis tierBasis,
                             List<Tier> tiers, Map<String, BigDecimal> prices, List<TouWindow> windows,
                             BigDecimal basicCapacityPrice, BigDecimal basicDemandPrice, BigDecimal pfStandard,
                             List<Surcharge> surcharges, String source) {

    public TariffSchedule {
        tiers = List.copyOf(tiers);
        java.util.Map<String, BigDecimal> ordered = new java.util.LinkedHashMap<>();
        for (String period : List.of("ALL", "CRITICAL_PEAK", "PEAK", "FLAT", "VALLEY")) {
            if (prices.containsKey(period)) {
                ordered.put(period, prices.get(period));
            }
        }
        prices = java.util.Collections.unmodifiableMap(ordered);
        windows = List.copyOf(windows);
        surcharges = List.copyOf(surcharges);
    }

    public enum Pricing { FLAT, TOU }

    public enum TierBasis { NONE, ANNUAL, MONTHLY }

    public record Tier(int tier, BigDecimal aboveKwh, BigDecimal increment) {
    }

    /** [starts, ends) local time; {@code months} empty = every month. */
    public record TouWindow(TouPeriod period, LocalTime starts, LocalTime ends, Set<Integer> months) {

        public TouWindow {
            months = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(months));
        }
    }

    public record Surcharge(String code, String nameZh, String nameEn, BigDecimal pricePerKwh) {
    }

    public boolean twoPart() {
        return basicCapacityPrice != null || basicDemandPrice != null;
    }

    public boolean tiered() {
        return tierBasis != TierBasis.NONE && tiers.size() > 1;
    }

    /** The TOU periods this version prices, in the order critical peak, peak, flat, valley. */
    public List<TouPeriod> pricedPeriods() {
        return java.util.Arrays.stream(TouPeriod.values()).filter(p -> prices.containsKey(p.name())).toList();
    }

    /** Whether the period has a window (any window for the periods without month limits) in that month. */
    public boolean runsIn(TouPeriod period, int month) {
        return windows.stream().anyMatch(w -> w.period() == period && (w.months().isEmpty() || w.months().contains(month)));
    }

    public BigDecimal basicPrice(BasicChargeBasis basis) {
        return basis == BasicChargeBasis.CAPACITY ? basicCapacityPrice : basicDemandPrice;
    }
}
