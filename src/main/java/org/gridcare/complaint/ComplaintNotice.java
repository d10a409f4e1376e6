package org.gridcare.complaint;

import java.time.Instant;

/** A notice about a case: MAJOR_COMPLAINT (to the unit's leadership), DEADLINE_WARNING, DEADLINE_BREACHED. */
public record ComplaintNotice(long id, long caseId, String orderNumber, String unitCode, String kind, String detail,
                              Instant createdAt) {
}
