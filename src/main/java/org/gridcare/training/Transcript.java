package org.gridcare.training;

import java.math.BigDecimal;
import java.util.List;

/**
 * A staff member's training record (培训档案) for a year: every course they were enrolled in, the hours completed in
 * the year (Asia/Shanghai) against the hours their position must complete by the unit's annual plan.
 * {@code remainingHours} is never negative.
 */
public record Transcript(long userId, String username, String displayName, String unitCode, String position,
                         int year, BigDecimal requiredHours, BigDecimal completedHours, BigDecimal remainingHours,
                         List<TrainingViews.Enrolment> courses) {
}
