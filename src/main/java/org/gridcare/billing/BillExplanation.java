package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Why a bill differs from another month's, in sentences an agent can read to the caller: a headline and one
 * item per cause — DAYS (more or fewer days), USAGE (more or less kWh a day), TIER (crossing into a higher
 * tier), TOU_MIX (a different share of peak and valley), PRICE (the tariff or its version changed), BASIC
 * (basic charge), POWER_FACTOR (adjustment), SURCHARGE, ROUNDING (lines rounded separately) — each with the
 * amount (元, signed) it explains; the amounts add up to {@code difference}. Largest first.
 */
public record BillExplanation(String customerNumber, YearMonth month, YearMonth compareTo, BigDecimal total,
                              BigDecimal compareTotal, BigDecimal difference, String headline, List<Item> items) {

    public BillExplanation {
        items = List.copyOf(items);
    }

    public record Item(String factor, BigDecimal amount, String sentence) {
    }
}
