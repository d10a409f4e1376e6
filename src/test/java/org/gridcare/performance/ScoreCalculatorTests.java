package org.gridcare.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every normalisation, the weighted total and the grade bands on hand-made figures, computed by hand below. */
class ScoreCalculatorTests {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void ratioGivesValueOverTargetCappedAtHundred() {
        // 255 orders against 300: 100 × 255 ÷ 300 = 85
        assertThat(Normalisation.RATIO.points(d("255"), d("300"), d("0"))).isEqualByComparingTo("85.00");
        // 93.5 % against 98 %: 100 × 93.5 ÷ 98 = 95.408… → 95.41
        assertThat(Normalisation.RATIO.points(d("93.5"), d("98"), d("0"))).isEqualByComparingTo("95.41");
        // above the target: capped at 100
        assertThat(Normalisation.RATIO.points(d("420"), d("300"), d("0"))).isEqualByComparingTo("100.00");
        assertThat(Normalisation.RATIO.points(d("0"), d("300"), d("0"))).isEqualByComparingTo("0.00");
    }

    @Test
    void inverseRatioIsFullUpToTheTargetAndZeroAtTwiceIt() {
        assertThat(Normalisation.INVERSE_RATIO.points(d("0.40"), d("0.5"), d("0"))).isEqualByComparingTo("100.00");
        assertThat(Normalisation.INVERSE_RATIO.points(d("0.50"), d("0.5"), d("0"))).isEqualByComparingTo("100.00");
        // 0.75 %: 100 × (1.0 − 0.75) ÷ 0.5 = 50
        assertThat(Normalisation.INVERSE_RATIO.points(d("0.75"), d("0.5"), d("0"))).isEqualByComparingTo("50.00");
        // 0.6 %: 100 × (1.0 − 0.6) ÷ 0.5 = 80
        assertThat(Normalisation.INVERSE_RATIO.points(d("0.6"), d("0.5"), d("0"))).isEqualByComparingTo("80.00");
        assertThat(Normalisation.INVERSE_RATIO.points(d("1.00"), d("0.5"), d("0"))).isEqualByComparingTo("0.00");
        assertThat(Normalisation.INVERSE_RATIO.points(d("3.2"), d("0.5"), d("0"))).isEqualByComparingTo("0.00");
    }

    @Test
    void linearDownDeductsTheStepPerUnitAboveTheTarget() {
        assertThat(Normalisation.LINEAR_DOWN.points(d("0"), d("0"), d("50"))).isEqualByComparingTo("100.00");
        assertThat(Normalisation.LINEAR_DOWN.points(d("1"), d("0"), d("50"))).isEqualByComparingTo("50.00");
        assertThat(Normalisation.LINEAR_DOWN.points(d("3"), d("0"), d("50"))).isEqualByComparingTo("0.00");
        // one complaint allowed, 30 points per further complaint: 2 → 70
        assertThat(Normalisation.LINEAR_DOWN.points(d("2"), d("1"), d("30"))).isEqualByComparingTo("70.00");
    }

    @Test
    void linearUpDeductsTheStepPerPointShortOfTheTarget() {
        // net −3 points against 0, 10 per point: 100 − 10 × 3 = 70
        assertThat(Normalisation.LINEAR_UP.points(d("-3"), d("0"), d("10"))).isEqualByComparingTo("70.00");
        assertThat(Normalisation.LINEAR_UP.points(d("4"), d("0"), d("10"))).isEqualByComparingTo("100.00");
        assertThat(Normalisation.LINEAR_UP.points(d("-12"), d("0"), d("10"))).isEqualByComparingTo("0.00");
        // target +4, 7.5 per point: value 2 → 100 − 7.5 × 2 = 85
        assertThat(Normalisation.LINEAR_UP.points(d("2"), d("4"), d("7.5"))).isEqualByComparingTo("85.00");
    }

    @Test
    void theBaseScoreIsTheWeightedMeanOfTheComponentsWithData() {
        Scheme scheme = new Scheme(1, "AGENT", YearMonth.of(2026, 1), new GradeBands(d("90"), d("80"), d("60")),
                List.of(w(ScoreComponent.VOLUME, "15", "300", "0"), w(ScoreComponent.ON_TIME, "15", "98", "0"),
                        w(ScoreComponent.SATISFACTION, "20", "90", "0"), w(ScoreComponent.QUALITY_SCORE, "15", "90", "0"),
                        w(ScoreComponent.ERROR_RATE, "10", "0.5", "0"), w(ScoreComponent.COMPLAINTS, "10", "0", "50"),
                        w(ScoreComponent.TRAINING, "5", "100", "0"), w(ScoreComponent.INCENTIVE_POINTS, "10", "0", "10")),
                null, "test", Instant.EPOCH);
        Map<ScoreComponent, ScoreCalculator.Figure> figures = Map.of(
                ScoreComponent.VOLUME, ScoreCalculator.Figure.of(d("255")),            // 85.00
                ScoreComponent.ON_TIME, new ScoreCalculator.Figure(d("93.5"), d("187"), d("200")), // 95.41
                ScoreComponent.SATISFACTION, ScoreCalculator.Figure.of(d("95")),        // 100.00 (capped)
                ScoreComponent.QUALITY_SCORE, ScoreCalculator.Figure.of(d("81")),       // 90.00
                ScoreComponent.ERROR_RATE, ScoreCalculator.Figure.of(d("0.75")),        // 50.00
                ScoreComponent.COMPLAINTS, ScoreCalculator.Figure.of(d("1")),           // 50.00
                ScoreComponent.TRAINING, ScoreCalculator.Figure.of(d("60")),            // 60.00
                ScoreComponent.INCENTIVE_POINTS, ScoreCalculator.Figure.of(d("-3")));   // 70.00
        ScoreCalculator.Result r = ScoreCalculator.score(scheme, normalisations(), figures);
        assertThat(points(r, ScoreComponent.VOLUME)).isEqualByComparingTo("85.00");
        assertThat(points(r, ScoreComponent.ON_TIME)).isEqualByComparingTo("95.41");
        assertThat(points(r, ScoreComponent.SATISFACTION)).isEqualByComparingTo("100.00");
        assertThat(points(r, ScoreComponent.QUALITY_SCORE)).isEqualByComparingTo("90.00");
        assertThat(points(r, ScoreComponent.ERROR_RATE)).isEqualByComparingTo("50.00");
        assertThat(points(r, ScoreComponent.COMPLAINTS)).isEqualByComparingTo("50.00");
        assertThat(points(r, ScoreComponent.TRAINING)).isEqualByComparingTo("60.00");
        assertThat(points(r, ScoreComponent.INCENTIVE_POINTS)).isEqualByComparingTo("70.00");
        // 15×85 + 15×95.41 + 20×100 + 15×90 + 10×50 + 10×50 + 5×60 + 10×70
        //   = 1275 + 1431.15 + 2000 + 1350 + 500 + 500 + 300 + 700 = 8056.15; ÷ 100 = 80.5615 → 80.56
        assertThat(r.base()).isEqualByComparingTo("80.56");
        assertThat(scheme.bands().grade(r.total(BigDecimal.ZERO))).isEqualTo("B");

        // without inspections and training the three drop out with their weights (15 + 10 + 5 = 30):
        // (1275 + 1431.15 + 2000 + 500 + 700) ÷ 70 = 5906.15 ÷ 70 = 84.3735… → 84.37
        Map<ScoreComponent, ScoreCalculator.Figure> partial = new java.util.EnumMap<>(figures);
        partial.remove(ScoreComponent.QUALITY_SCORE);
        partial.remove(ScoreComponent.ERROR_RATE);
        partial.put(ScoreComponent.TRAINING, ScoreCalculator.Figure.NO_DATA);
        ScoreCalculator.Result p = ScoreCalculator.score(scheme, normalisations(), partial);
        assertThat(points(p, ScoreComponent.QUALITY_SCORE)).isNull();
        assertThat(points(p, ScoreComponent.TRAINING)).isNull();
        assertThat(p.base()).isEqualByComparingTo("84.37");
        // an approved adjustment of +6 reaches A (90.37); the total never leaves 0–100
        assertThat(scheme.bands().grade(p.total(d("6")))).isEqualTo("A");
        assertThat(p.total(d("6"))).isEqualByComparingTo("90.37");
        assertThat(p.total(d("20"))).isEqualByComparingTo("100.00");

        // nothing measurable: no score, no grade
        ScoreCalculator.Result none = ScoreCalculator.score(scheme, normalisations(), Map.of());
        assertThat(none.base()).isNull();
        assertThat(none.total(d("5"))).isNull();
        assertThat(scheme.bands().grade(none.total(d("5")))).isNull();
    }

    @Test
    void gradeBandsIncludeTheirLowerBound() {
        GradeBands bands = new GradeBands(d("90"), d("80"), d("60"));
        assertThat(bands.grade(d("100"))).isEqualTo("A");
        assertThat(bands.grade(d("90.00"))).isEqualTo("A");
        assertThat(bands.grade(d("89.99"))).isEqualTo("B");
        assertThat(bands.grade(d("80"))).isEqualTo("B");
        assertThat(bands.grade(d("79.99"))).isEqualTo("C");
        assertThat(bands.grade(d("60"))).isEqualTo("C");
        assertThat(bands.grade(d("59.99"))).isEqualTo("D");
        assertThat(bands.grade(d("0"))).isEqualTo("D");
        GradeBands strict = new GradeBands(d("95"), d("85"), d("70"));
        assertThat(strict.grade(d("90"))).isEqualTo("B");
        assertThat(strict.grade(d("69.5"))).isEqualTo("D");
    }

    private static Scheme.Weight w(ScoreComponent c, String weight, String target, String step) {
        return new Scheme.Weight(c, d(weight), d(target), d(step));
    }

    /** The seeded normalisations (perf_component). */
    static Map<ScoreComponent, Normalisation> normalisations() {
        return Map.of(ScoreComponent.VOLUME, Normalisation.RATIO, ScoreComponent.ON_TIME, Normalisation.RATIO,
                ScoreComponent.SATISFACTION, Normalisation.RATIO, ScoreComponent.QUALITY_SCORE, Normalisation.RATIO,
                ScoreComponent.ERROR_RATE, Normalisation.INVERSE_RATIO, ScoreComponent.COMPLAINTS,
                Normalisation.LINEAR_DOWN, ScoreComponent.TRAINING, Normalisation.RATIO,
                ScoreComponent.INCENTIVE_POINTS, Normalisation.LINEAR_UP);
    }

    private static BigDecimal points(ScoreCalculator.Result r, ScoreComponent c) {
        return r.components().stream().filter(s -> s.component() == c).findFirst().orElseThrow().points();
    }
}
