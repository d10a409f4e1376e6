package org.gridcare.workorder;

import java.time.Instant;

/** A work order moved through its lifecycle (or a milestone, urge or supervision was recorded on it). */
public record WorkOrderTransitioned(long orderId, String number, Action action, WorkOrderStatus from,
                                    WorkOrderStatus to, String actor, Instant at) {
}
