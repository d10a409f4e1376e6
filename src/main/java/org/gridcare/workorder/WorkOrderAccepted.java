package org.gridcare.workorder;

import java.time.Instant;

/** A new work order was accepted (受理). */
public record WorkOrderAccepted(long orderId, String number, WorkOrderType type, long unitId, boolean repeat,
                                Instant at) {
}
