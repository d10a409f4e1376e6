package org.gridcare.analytics;

import java.time.Instant;

/** One order behind a KPI figure (drill-down), from its fact row. */
public record KpiOrder(String number, String type, String channel, String categoryCode, String unitCode,
                       String handler, String status, Instant acceptedAt, Instant firstResponseAt, Instant closedAt,
                       String visitResult, Instant visitedAt, boolean breached, boolean reopened, boolean repeat) {
}
