package org.gridcare.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A KPI's target for a unit's subtree ({@code unitId} null: the company default): the value is GREEN when it
 * satisfies {@code value comparison target}, AMBER when it misses by at most {@code amberBand}, else RED.
 */
public record KpiTarget(long id, String kpi, Long unitId, String unitCode, String comparison, BigDecimal target,
                        BigDecimal amberBand, String note, String updatedBy, Instant updatedAt) {

    /** GREEN, AMBER or RED for a value. */
    public String stateOf(BigDecimal value) {
        int c = value.compareTo(target);
        boolean met = switch (comparison) {
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c < 0;
        };
        if (met) {
            return "GREEN";
        }
        BigDecimal miss = value.subtract(target).abs();
        return miss.compareTo(amberBand) <= 0 ? "AMBER" : "RED";
    }
}
