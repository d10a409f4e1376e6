package org.gridcare.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.gridcare.shared.BusinessTime;

/**
 * The working-day rule: a listed day is what the calendar says (holiday or make-up working day);
 * any other Saturday or Sunday is a rest day and any other weekday a working day.
 */
record WorkingDays(Map<LocalDate, DayKind> exceptions) {

    WorkingDays {
        exceptions = Map.copyOf(exceptions);
    }

    boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * "N working days": the end (24:00 Asia/Shanghai) of the N-th working day after the day on which
     * the clock started; the start day never counts, whether it is a working day or not.
     */
    Instant endOfWorkingDaysAfter(Instant start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be positive: " + workingDays);
        }
        LocalDate day = start.atZone(BusinessTime.ZONE).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }
}
