package org.gridcare.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEvent(long id, Instant occurredAt, String actor, Long actorUnitId, String action,
                         String entityType, String entityId, String summary, String clientAddress,
                         String requestId) {
}
