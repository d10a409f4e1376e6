package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced period: the tariff version used, the lines and their total (the sum of the rounded lines).
 * {@code powerFactor} (two decimals) and {@code pfAdjustmentPercent} are null when no adjustment was made;
 * {@code notes} say why (no reactive energy, no standard) in the reader's language. {@code energyCharge} is
 * ENERGY + TIER_INCREMENT lines, {@code tierExtra} what tiers above the first added to it.
 */
public record Quote(String tariffCode, String tariffName, boolean exampleTariff, LocalDate tariffEffectiveFrom,
                    LocalDate periodStart, LocalDate periodEnd, int days, BigDecimal totalKwh, List<QuoteLine> lines,
                    BigDecimal energyCharge, BigDecimal tierExtra, BigDecimal basicCharge, BigDecimal powerFactor,
                    BigDecimal pfStandard, BigDecimal pfAdjustmentPercent, BigDecimal pfAdjustment,
                    BigDecimal surcharges, BigDecimal total, List<String> notes) {

    public Quote {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }
}
