package org.gridcare.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan to record (the JSON of {@code POST /api/v1/customers/{number}/plans}): the customer's work order it
 * belongs to, the keys of the chosen advice options, the load-shift share the advice was computed with (default
 * the configured one) and a note.
 */
public record NewPlan(String orderNumber, List<String> options, BigDecimal peakShiftShare, String note) {
}
