package org.gridcare.workorder;

import java.time.Instant;

/**
 * An order in the return-visit queue (待回访): reviewed, of a type that needs a visit. {@code dueAt} is the
 * due time of its running RETURN_VISIT clock (null when its policy has none); {@code attempts} counts the
 * unreachable attempts made so far.
 */
public record AwaitingVisit(String number, WorkOrderType type, String unitCode, String customerNumber,
                            String callerName, String callerPhone, Instant reviewedAt, int attempts, int maxAttempts,
                            Instant dueAt, boolean overdue) {
}
