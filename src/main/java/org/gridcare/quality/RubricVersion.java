package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.gridcare.workorder.WorkOrderType;

/**
 * A rubric version as the API and the console show it. {@code inForce}: it is the version in force now;
 * {@code sourceStandardRef}: the service standard it was published from (null when written in GridCare);
 * {@code totalPoints}: the sum of its items' points.
 */
public record RubricVersion(long id, WorkOrderType orderType, int number, String title, String note,
                            RubricStatus status, Instant effectiveFrom, Instant supersededAt,
                            String sourceStandardRef, boolean inForce, String createdBy, Instant createdAt,
                            String publishedBy, Instant publishedAt, int version, BigDecimal totalPoints,
                            List<Item> items) {

    /** One weighted item. */
    public record Item(long id, int position, String code, String name, String nameEn, String description,
                       BigDecimal points, FindingSeverity severity) {

        public String label(Locale locale) {
            return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? name : nameEn;
        }
    }

    /** Whether it is in force at {@code at}. */
    public boolean inForceAt(Instant at) {
        return status != RubricStatus.DRAFT && effectiveFrom != null && !effectiveFrom.isAfter(at)
                && (supersededAt == null || supersededAt.isAfter(at));
    }
}
