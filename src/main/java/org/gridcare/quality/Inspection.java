package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An inspection row as stored. */
record Inspection(long id, InspectionKind kind, Long planId, Long orderId, String orderNumber, String orderType,
                  long unitId, String staff, String takenBy, List<String> reasons, String subjectRef, Instant occurredAt,
                  String inspector, long rubricVersionId, InspectionStatus status, BigDecimal earnedPoints,
                  BigDecimal maxPoints, BigDecimal score, boolean error, boolean serious, String comment,
                  Instant scoredAt, Instant appealDueAt, String appealReason, Instant appealedAt, String decidedBy,
                  Instant decidedAt, String decisionNote, String createdBy, Instant createdAt, int version) {

    /** A new inspection to insert. */
    record New(InspectionKind kind, Long planId, Long orderId, String orderNumber, String orderType, long unitId,
               String staff, String takenBy, List<String> reasons, String subjectRef, Instant occurredAt, String inspector,
               long rubricVersionId) {
    }

    /** A stored finding. */
    record StoredFinding(long id, long itemId, FindingResult result, String comment, boolean appealed,
                         AppealOutcome outcome) {
    }
}
