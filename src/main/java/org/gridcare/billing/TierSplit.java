package org.gridcare.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a period's kWh across the tiers of cumulative consumption: with {@code before} kWh already used in
 * the year (annual tiers; 0 for monthly tiers), tier n gets the part of (before, before + kwh] that lies
 * above its threshold and below the next one. A month that crosses a threshold is split across both tiers.
 */
final class TierSplit {

    private TierSplit() {
    }

    record Part(int tier, BigDecimal kwh, BigDecimal increment) {
    }

    static List<Part> split(List<TariffSchedule.Tier> tiers, BigDecimal before, BigDecimal kwh) {
        BigDecimal from = before;
        BigDecimal to = before.add(kwh);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            TariffSchedule.Tier tier = tiers.get(i);
            BigDecimal low = tier.aboveKwh().max(from);
            BigDecimal high = i + 1 < tiers.size() ? tiers.get(i + 1).aboveKwh().min(to) : to;
            BigDecimal inTier = high.subtract(low);
            if (inTier.signum() > 0) {
                parts.add(new Part(tier.tier(), inTier, tier.increment()));
            }
        }
        if (parts.isEmpty()) {
            parts.add(new Part(tiers.isEmpty() ? 1 : tierOf(tiers, from), BigDecimal.ZERO,
                    tiers.isEmpty() ? BigDecimal.ZERO : incrementOf(tiers, from)));
        }
        return parts;
    }

    private static int tierOf(List<TariffSchedule.Tier> tiers, BigDecimal used) {
        int found = tiers.get(0).tier();
        for (TariffSchedule.Tier t : tiers) {
            if (used.compareTo(t.aboveKwh()) >= 0) {
                found = t.tier();
            }
        }
        return found;
    }

    private static BigDecimal incrementOf(List<TariffSchedule.Tier> tiers, BigDecimal used) {
        int tier = tierOf(tiers, used);
        return tiers.stream().filter(t -> t.tier() == tier).findFirst().orElseThrow().increment();
    }
}
