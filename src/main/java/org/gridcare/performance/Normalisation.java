package org.gridcare.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a component's raw figure becomes 0–100 points against the scheme's target (and step), rounded half-up to two
 * decimals. The formulas are documented in docs/configuration.md and the API description; tests check each by hand.
 */
public enum Normalisation {

    /** Higher is better: {@code min(100, 100 × value ÷ target)}; a target of 0 gives 100. */
    RATIO {
        @Override
        BigDecimal raw(BigDecimal value, BigDecimal target, BigDecimal step) {
            if (target.signum() == 0) {
                return HUNDRED;
            }
            return HUNDRED.multiply(value).divide(target, 6, RoundingMode.HALF_UP);
        }
    },
    /**
     * Lower is better, as a rate: 100 when {@code value ≤ target}, else {@code 100 × (2 × target − value) ÷ target}
     * (0 at twice the target); with a target of 0, any value above it gives 0.
     */
    INVERSE_RATIO {
        @Override
        BigDecimal raw(BigDecimal value, BigDecimal target, BigDecimal step) {
            if (value.compareTo(target) <= 0) {
                return HUNDRED;
            }
            if (target.signum() == 0) {
                return BigDecimal.ZERO;
            }
            return HUNDRED.multiply(target.multiply(BigDecimal.valueOf(2)).subtract(value)).divide(target, 6,
                    RoundingMode.HALF_UP);
        }
    },
    /** Higher is better, per unit: {@code 100 − step × (target − value)} (a value above the target stays 100). */
    LINEAR_UP {
        @Override
        BigDecimal raw(BigDecimal value, BigDecimal target, BigDecimal step) {
            return HUNDRED.subtract(step.multiply(target.subtract(value)));
        }
    },
    /** Lower is better, per unit: {@code 100 − step × max(0, value − target)}. */
    LINEAR_DOWN {
        @Override
        BigDecimal raw(BigDecimal value, BigDecimal target, BigDecimal step) {
            return HUNDRED.subtract(step.multiply(value.subtract(target).max(BigDecimal.ZERO)));
        }
    };

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    abstract BigDecimal raw(BigDecimal value, BigDecimal target, BigDecimal step);

    /** The points of a figure: the formula, capped to [0, 100], rounded half-up to two decimals. */
    public BigDecimal points(BigDecimal value, BigDecimal target, BigDecimal step) {
        BigDecimal p = raw(value, target, step);
        return p.max(BigDecimal.ZERO).min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }
}
