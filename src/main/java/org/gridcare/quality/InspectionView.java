package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An inspection as the API and the console show it. {@code findings} and {@code actions} (what the caller may do
 * now: score, appeal, decide, assign) are only filled for a single inspection.
 */
public record InspectionView(long id, InspectionKind kind, Long planId, String orderNumber, String orderType,
                             String unitCode, String staff, List<String> reasons, String subjectRef,
                             Instant occurredAt, String inspector, long rubricVersionId, int rubricNumber,
                             String rubricTitle, InspectionStatus status, BigDecimal earnedPoints,
                             BigDecimal maxPoints, BigDecimal score, boolean error, boolean serious, String comment,
                             Instant scoredAt, Instant appealDueAt, String appealReason, Instant appealedAt,
                             String decidedBy, Instant decidedAt, String decisionNote, String createdBy,
                             Instant createdAt, int version, List<Finding> findings, List<String> actions) {

    /** One rubric item with the inspector's verdict and, when appealed, the decision. */
    public record Finding(long itemId, String code, String name, String nameEn, BigDecimal points,
                          FindingSeverity severity, FindingResult result, String comment, boolean appealed,
                          AppealOutcome appealOutcome) {

        public String label(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? name : nameEn;
        }

        /** A failed item that no appeal overturned. */
        public boolean stands() {
            return result == FindingResult.FAIL && appealOutcome != AppealOutcome.OVERTURNED;
        }
    }
}
