package org.gridcare.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A staff member's monthly scorecard (月度绩效卡) as stored: who they were that month, the scheme's position,
 * {@code baseScore} (weighted points of the components with data; null = NO_DATA), the approved {@code adjustment},
 * {@code total} (base + adjustment, capped to 0–100) and {@code grade}. {@code closed}: the month is closed and the
 * card no longer recomputed. {@code rank} is filled in rankings. {@code components} and {@code adjustments} are
 * only filled for a single card.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Scorecard(long id, String month, String staff, String displayName, String unitCode, String unitName,
                        String position, String teamCode, String teamName, long schemeId, BigDecimal baseScore,
                        BigDecimal adjustment, BigDecimal total, String grade, int praiseCount, boolean closed,
                        Instant computedAt, Integer rank, List<ComponentScore> components,
                        List<Adjustment> adjustments) {

    /**
     * One component: the raw {@code value} with its {@code numerator}/{@code denominator} where it is a ratio, the
     * scheme's weight/target/step that month, the {@code points} (0–100) and {@code weighted} = weight × points ÷ 100;
     * {@code state} DATA or NO_DATA (left out of the base score). {@code drillDown}: the API request listing the
     * records behind the figure; {@code consoleLink}: the console page showing them.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ComponentScore(ScoreComponent component, String name, String normalisation, String valueUnit,
                                 BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal weight,
                                 BigDecimal target, BigDecimal step, BigDecimal points, BigDecimal weighted,
                                 String state, String drillDown, String consoleLink) {
    }

    /** A manager's adjustment: PROPOSED until another manager approves (it counts) or rejects it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Adjustment(long id, long scorecardId, BigDecimal points, String reason, String status,
                             String proposedBy, Instant proposedAt, String reviewedBy, Instant reviewedAt,
                             String reviewNote, int version) {
    }
}
