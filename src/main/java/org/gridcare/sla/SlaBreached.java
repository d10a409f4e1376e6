package org.gridcare.sla;

import java.time.Instant;

/** A running clock passed its due time. Raised exactly once per clock, by the scheduler. */
public record SlaBreached(long orderId, String clockName, Instant dueAt, Instant raisedAt) {
}
