package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A staff member completed a course (attended where attendance counts, and passed its exam if it has one),
 * published in the completing transaction. {@code examScore} is the best exam score in percent, null for a
 * course without an exam; {@code unitId} is the staff member's unit.
 */
public record TrainingCompleted(long enrolmentId, long userId, String username, long unitId, String courseCode,
                                String courseTitle, BigDecimal hours, BigDecimal examScore, Instant at) {
}
