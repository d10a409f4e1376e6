package org.gridcare.workorder;

import java.time.Instant;

/** One row of an order's timeline: who did what, when, from which status to which. */
public record TimelineEntry(Instant at, String actor, String action, String fromStatus, String toStatus, String note) {
}
