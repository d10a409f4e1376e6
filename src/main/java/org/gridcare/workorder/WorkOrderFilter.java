package org.gridcare.workorder;

import java.time.Instant;
import java.util.Set;

/** The filters of the order list; null means "any". {@code unitIds} is the resolved {@code unit} filter. */
record WorkOrderFilter(Set<WorkOrderStatus> statuses, boolean openOnly, WorkOrderType type, Channel channel,
                       Set<Long> unitIds, String handler, Boolean overdue, Boolean warning, String customer,
                       Instant createdFrom, Instant createdTo, String text) {
}
