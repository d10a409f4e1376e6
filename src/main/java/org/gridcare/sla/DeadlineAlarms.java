package org.gridcare.sla;

import java.time.Instant;

import org.gridcare.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Raises a clock's warning or breach: the event (kept by the Modulith event publication registry
 * in the same transaction) and, for a breach, the audit record. Callers flip the clock's
 * *_raised flag in the same transaction, which is what makes each alarm happen exactly once.
 */
@Component
class DeadlineAlarms {

    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    DeadlineAlarms(ApplicationEventPublisher events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
    }

    void warn(long orderId, String clockName, Instant dueAt, Instant now) {
        events.publishEvent(new SlaWarningRaised(orderId, clockName, dueAt, now));
    }

    void breach(long orderId, String clockName, Instant dueAt, Instant now) {
        events.publishEvent(new SlaBreached(orderId, clockName, dueAt, now));
        audit.record("SLA_BREACHED", "WorkOrder", String.valueOf(orderId),
                clockName + " overdue, due " + dueAt);
    }
}
