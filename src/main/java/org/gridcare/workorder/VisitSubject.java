package org.gridcare.workorder;

/**
 * What the survey module needs to know about an order to decide on and send a self-rating link. The caller's
 * phone is given in full: it is where the message goes (the survey module keeps it masked in its views).
 */
public record VisitSubject(long orderId, String number, WorkOrderType type, long unitId, String customerNumber,
                           String callerPhone, WorkOrderStatus status, boolean visitNeeded) {

    /** Whether the order is waiting for its return visit (a self-rating would count as that visit). */
    public boolean awaitingVisit() {
        return status == WorkOrderStatus.REVIEWED;
    }
}
