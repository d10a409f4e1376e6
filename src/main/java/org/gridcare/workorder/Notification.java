package org.gridcare.workorder;

import java.time.Instant;

/** One entry of a user's console inbox: an SLA warning or breach, an urge or a supervision on an order. */
public record Notification(long id, String orderNumber, String kind, String detail, Instant createdAt, boolean read) {
}
