package org.gridcare.complaint;

/**
 * A complaint case was opened or changed in a way its reporting view shows (grade, category, responsibility,
 * appeal, closure): modules keeping derived data (KPI facts) refresh the order's row. Published inside the
 * transaction of the change.
 */
public record ComplaintCaseChanged(long caseId, long orderId, String change) {
}
