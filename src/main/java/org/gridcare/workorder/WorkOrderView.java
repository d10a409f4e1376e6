package org.gridcare.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridcare.sla.ClockView;

/**
 * A work order as the API returns it. The caller's phone is masked unless the caller is the order's handler
 * (who must call the customer back) or an administrator. {@code timeline} and {@code attachments} are only
 * filled for a single order; {@code actions} lists what the caller may do now.
 */
public record WorkOrderView(String number, WorkOrderType type, SubType subType, String category, Channel channel,
                            Priority priority, WorkOrderStatus status, String customerNumber, String callerName,
                            String callerPhone, String address, String areaType, String unitCode, String handler,
                            String description, Set<String> flags, String slaState, String repeatOf,
                            String parentNumber, Instant arrivedAt, Instant restoredAt, String replyText, String result,
                            VisitResult satisfaction, int urgeCount, int reopenCount, String superviseNote,
                            Instant superviseDueAt, String createdBy, Instant createdAt, Instant updatedAt,
                            int version, List<ClockView> clocks, List<TimelineEntry> timeline,
                            List<AttachmentInfo> attachments, List<String> actions) {
}
