package org.gridcare.workorder;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/work-orders/{number}/{action}}: always the {@code version} the caller saw,
 * plus the fields of the action (dispatch: handler; reply: replyText, result; review: approved, note; visit:
 * result (a VisitResult), comment, aspects; transfer: unitCode, reason; suspend/resume/cancel/return: reason; supervise: note,
 * dueAt; merge: parentNumber; close of a consultation at first contact: replyText).
 */
public record ActionRequest(Integer version, @Size(max = 100) String handler, @Size(max = 4000) String replyText,
                            @Size(max = 100) String result, Boolean approved, @Size(max = 2000) String note,
                            @Size(max = 2000) String comment, Set<VisitAspect> aspects,
                            @Size(max = 32) String unitCode,
                            @Size(max = 2000) String reason, Instant dueAt, @Size(max = 20) String parentNumber) {
}
