package org.gridcare.workorder;

/** What the customer called about (工单类型). */
public enum WorkOrderType {
    CONSULTATION, FAULT_REPAIR, COMPLAINT, REPORT, OPINION, PRAISE, SERVICE_APPLICATION
}
