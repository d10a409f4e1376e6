package org.gridcare.sla;

import java.time.Duration;
import java.time.Instant;

import org.gridcare.shared.BusinessTime;

/** How a clock rule's amount is counted. Natural time runs around the clock; working days follow the calendar. */
enum DurationUnit {
    MINUTES, HOURS, NATURAL_DAYS, WORKING_DAYS;

    Instant dueAfter(Instant start, int amount, WorkingDays calendar) {
        return switch (this) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case NATURAL_DAYS -> start.atZone(BusinessTime.ZONE).plusDays(amount).toInstant();
            case WORKING_DAYS -> calendar.endOfWorkingDaysAfter(start, amount);
        };
    }
}
