package org.gridcare.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The score of an inspection: points of the items passed (and of failed items an appeal overturned) ÷ points of
 * the applicable items × 100, half-up to 0.01. A failed item that stands makes the inspection an error; a failed
 * SERIOUS_ERROR item that stands makes it serious.
 */
@Schema(name = "InspectionScorecard") // the performance module has a type of the same name
record Scorecard(BigDecimal earned, BigDecimal max, BigDecimal score, boolean error, boolean serious) {

    /** One item's points, severity, verdict and appeal outcome (null when not appealed or undecided). */
    record Line(BigDecimal points, FindingSeverity severity, FindingResult result, AppealOutcome outcome) {

        boolean stands() {
            return result == FindingResult.FAIL && outcome != AppealOutcome.OVERTURNED;
        }
    }

    static Scorecard of(List<Line> lines) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        boolean error = false;
        boolean serious = false;
        for (Line line : lines) {
            if (line.result() == FindingResult.NOT_APPLICABLE) {
                continue;
            }
            max = max.add(line.points());
            if (line.stands()) {
                error = true;
                serious |= line.severity() == FindingSeverity.SERIOUS_ERROR;
            } else {
                earned = earned.add(line.points());
            }
        }
        BigDecimal score = max.signum() == 0 ? null
                : earned.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
        return new Scorecard(earned, max, score, error, serious);
    }
}
