package org.gridcare.analytics;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One KPI figure: {@code value} is computed from {@code numerator} and {@code denominator} as the KPI's
 * measure says (RATE: numerator ÷ denominator in percent; PER_10K: ÷ customers × 10,000; MEAN: sum ÷ count;
 * COUNT: the numerator), rounded half-up to two decimals, so that every figure can be checked by hand.
 * {@code state}: GREEN, AMBER or RED against the target; NONE without a target; NO_DATA without a value.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiValue(String name, String label, String measure, String unit, BigDecimal numerator,
                       BigDecimal denominator, BigDecimal value, BigDecimal target, String comparison, String state) {
}
