package org.gridcare.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores one staff member's month: each component's figure becomes points by its normalisation against the scheme's
 * target; the base score is the weighted mean of the points of the components that have data,
 * {@code Σ(weight × points) ÷ Σ weight}, rounded half-up to two decimals (a NO_DATA component drops out with its
 * weight; no data at all gives no score). The total adds the approved adjustments, capped to [0, 100]; the grade
 * follows the scheme's bands.
 */
final class ScoreCalculator {

    private ScoreCalculator() {
    }

    /** A component's figure: {@code value} null is NO_DATA; numerator/denominator are shown for checking. */
    record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

        static final Figure NO_DATA = new Figure(null, null, null);

        static Figure of(BigDecimal value) {
            return new Figure(value, null, null);
        }
    }

    record Scored(ScoreComponent component, Figure figure, BigDecimal weight, BigDecimal target, BigDecimal step,
                  BigDecimal points) {
    }

    record Result(List<Scored> components, BigDecimal base) {

        BigDecimal total(BigDecimal adjustment) {
            return ScoreCalculator.total(base, adjustment);
        }
    }

    static Result score(Scheme scheme, Map<ScoreComponent, Normalisation> normalisations, Map<ScoreComponent, Figure> figures) {
        List<Scored> scored = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (ScoreComponent c : ScoreComponent.values()) {
            Scheme.Weight w = scheme.weight(c).orElse(new Scheme.Weight(c, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO));
            Figure f = figures.getOrDefault(c, Figure.NO_DATA);
            BigDecimal points = f.value() == null ? null
                    : normalisations.get(c).points(f.value(), w.target(), w.step());
            scored.add(new Scored(c, f, w.weight(), w.target(), w.step(), points));
            if (points != null && w.weight().signum() > 0) {
                weighted = weighted.add(w.weight().multiply(points));
                weights = weights.add(w.weight());
            }
        }
        BigDecimal base = weights.signum() == 0 ? null : weighted.divide(weights, 2, RoundingMode.HALF_UP);
        return new Result(scored, base);
    }

    static BigDecimal total(BigDecimal base, BigDecimal adjustment) {
        if (base == null) {
            return null;
        }
        return base.add(adjustment).max(BigDecimal.ZERO).min(Normalisation.HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }
}
