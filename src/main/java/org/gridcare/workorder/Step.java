package org.gridcare.workorder;

import java.util.List;

import org.gridcare.sla.OrderEvent;

/** What one transition did: a timeline row, plus the events the SLA clocks hear about (in order). */
record Step(Action action, WorkOrderStatus from, WorkOrderStatus to, String note, List<OrderEvent> slaEvents) {
}
