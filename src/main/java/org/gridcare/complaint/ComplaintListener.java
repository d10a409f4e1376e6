package org.gridcare.complaint;

import org.gridcare.workorder.Action;
import org.gridcare.workorder.OrderDigests;
import org.gridcare.workorder.WorkOrderAccepted;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrdersImported;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every complaint order inside the order's own transaction (plain {@code @EventListener}: the
 * order and its case commit together, so no complaint order is ever without its case), withdraws it when the order
 * is cancelled or merged, and opens the cases of bulk-loaded orders after the load's commit (through the event
 * publication registry, retried after a restart).
 */
@Component
class ComplaintListener {

    private final Complaints complaints;
    private final OrderDigests orders;

    ComplaintListener(Complaints complaints, OrderDigests orders) {
        this.complaints = complaints;
        this.orders = orders;
    }

    @EventListener
    void on(WorkOrderAccepted event) {
        if (event.type() == WorkOrderType.COMPLAINT) {
            complaints.open(event.order());
        }
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        if (event.action() == Action.CANCEL || event.action() == Action.MERGE) {
            complaints.withdrawForOrder(event.orderId(), event.actor());
        }
    }

    @ApplicationModuleListener
    void on(WorkOrdersImported event) {
        complaints.openImported(orders.ofType(WorkOrderType.COMPLAINT, event.firstId(), event.lastId()),
                event.firstId(), event.lastId());
    }
}
