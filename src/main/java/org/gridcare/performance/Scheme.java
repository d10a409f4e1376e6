package org.gridcare.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A scheme (考核方案) of one position, in force from {@code effectiveMonth} until the position's next scheme: the
 * weight (their sum is 100), target and step of every component and the grade bands.
 */
public record Scheme(long id, String position, YearMonth effectiveMonth, GradeBands bands, List<Weight> weights,
                     String note, String createdBy, Instant createdAt) {

    public Scheme {
        weights = List.copyOf(weights);
    }

    public Optional<Weight> weight(ScoreComponent component) {
        return weights.stream().filter(w -> w.component() == component).findFirst();
    }

    /** One component's weight (percent of the total), target and step. */
    public record Weight(ScoreComponent component, BigDecimal weight, BigDecimal target, BigDecimal step) {
    }
}
