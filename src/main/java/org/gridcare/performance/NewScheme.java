package org.gridcare.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scheme to put in force from {@code effectiveMonth} (yyyy-MM, after the current month; empty: next month) for a
 * position: a weight, target and step for every component (weights add up to 100) and the grade bands.
 */
public record NewScheme(String position, String effectiveMonth, BigDecimal gradeA, BigDecimal gradeB,
                        BigDecimal gradeC, List<Item> weights, String note) {

    public record Item(ScoreComponent component, BigDecimal weight, BigDecimal target, BigDecimal step) {
    }
}
