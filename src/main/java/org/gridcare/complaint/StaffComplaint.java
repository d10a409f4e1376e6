package org.gridcare.complaint;

import java.time.Instant;

/**
 * A substantiated complaint (有责投诉, approved) charged to one responsible staff member, as performance scoring reads
 * it: {@code countedAfterAppeal} is false when an accepted appeal (核减) removed it from the count.
 */
public record StaffComplaint(long caseId, String orderNumber, String staff, long unitId, String categoryCode,
                             Instant receivedAt, AppealStatus appealStatus, boolean countedAfterAppeal) {
}
