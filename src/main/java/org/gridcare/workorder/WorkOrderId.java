package org.gridcare.workorder;

/** The technical id of a work order; users and integrations use its number (GD…). */
public record WorkOrderId(long value) {
}
