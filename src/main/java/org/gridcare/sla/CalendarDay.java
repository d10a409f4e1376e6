package org.gridcare.sla;

import java.time.LocalDate;

/** One listed day of the working-day calendar. */
record CalendarDay(LocalDate day, DayKind kind, String name) {
}
