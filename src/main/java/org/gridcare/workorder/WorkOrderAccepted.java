package org.gridcare.workorder;

import java.time.Instant;

/**
 * A new work order was accepted (受理), heard inside its transaction. It carries the order's digest, so that a
 * module deriving its own records from new orders (the complaint case of a COMPLAINT order) need not read the order
 * back.
 */
public record WorkOrderAccepted(OrderDigest order, boolean repeat) {

    public long orderId() {
        return order.orderId();
    }

    public String number() {
        return order.number();
    }

    public WorkOrderType type() {
        return order.type();
    }

    public long unitId() {
        return order.unitId();
    }

    public Instant at() {
        return order.acceptedAt();
    }
}
