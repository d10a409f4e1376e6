package org.gridcare.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * How a multiple-choice question is scored (多选题计分规则), chosen per exam. Single-choice and true/false questions
 * always score all or nothing.
 */
public enum MultipleChoiceRule {

    /** Exactly the correct options: full points; anything else (a wrong option, a correct one missing): 0. */
    ALL_OR_NOTHING {
        @Override
        BigDecimal score(BigDecimal points, Set<Long> correct, Set<Long> chosen) {
            return chosen.equals(correct) ? points : BigDecimal.ZERO;
        }
    },

    /**
     * Any wrong option chosen: 0; otherwise the share of the correct options chosen (2 of 3 correct, none wrong:
     * 2/3 of the points, rounded half-up to 0.01); nothing chosen: 0.
     */
    PROPORTIONAL {
        @Override
        BigDecimal score(BigDecimal points, Set<Long> correct, Set<Long> chosen) {
            if (chosen.isEmpty() || !correct.containsAll(chosen)) {
                return BigDecimal.ZERO;
            }
            return points.multiply(BigDecimal.valueOf(chosen.size()))
                    .divide(BigDecimal.valueOf(correct.size()), 2, RoundingMode.HALF_UP);
        }
    };

    /** The points earned on a multiple-choice question worth {@code points}. */
    abstract BigDecimal score(BigDecimal points, Set<Long> correct, Set<Long> chosen);
}
