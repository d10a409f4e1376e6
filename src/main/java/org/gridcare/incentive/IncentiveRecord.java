package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Instant;

/** A reward or penalty of one staff member, linked to its cause. */
public record IncentiveRecord(long id, String staff, String unitCode, CauseType causeType, String causeRef,
                              int points, BigDecimal amount, String note, IncentiveStatus status, Instant occurredAt,
                              String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
                              String decisionNote, int version) {
}
