package org.gridcare.performance;

import java.math.BigDecimal;

/**
 * The grade bands of a scheme: A from {@code a} points, B from {@code b}, C from {@code c}, D below (100 ≥ a > b > c ≥ 0).
 * A total without data has no grade.
 */
public record GradeBands(BigDecimal a, BigDecimal b, BigDecimal c) {

    public String grade(BigDecimal total) {
        if (total == null) {
            return null;
        }
        if (total.compareTo(a) >= 0) {
            return "A";
        }
        if (total.compareTo(b) >= 0) {
            return "B";
        }
        return total.compareTo(c) >= 0 ? "C" : "D";
    }
}
