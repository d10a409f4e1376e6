package org.gridcare.performance;

import java.math.BigDecimal;

/**
 * The month's recognition (月度之星) within a viewer's scope: the star staff member — the highest total among the
 * grade-A cards, ties broken by more praise orders, then by name — and the star team — the highest mean total
 * among the teams with at least the configured number of scored members, ties by praise. Either may be null.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
public record Recognition(String month, Star staff, Star team) {

    /** {@code key}: the username or team code; {@code label}: the display name or team name. */
    public record Star(String key, String label, String unitCode, BigDecimal total, String grade, int praise) {
    }
}
