package org.gridcare.audit;

import java.time.Instant;

/** Filters over the audit trail; every field is optional. */
public record AuditQuery(String actor, String action, String entityType, String entityId, Instant from,
                         Instant to, String text) {
}
