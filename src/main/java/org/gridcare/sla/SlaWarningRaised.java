package org.gridcare.sla;

import java.time.Instant;

/** A running clock passed its warning threshold. Raised exactly once per clock, by the scheduler. */
public record SlaWarningRaised(long orderId, String clockName, Instant dueAt, Instant raisedAt) {
}
