package org.gridcare.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The working-day rule on its own, with the days of the State Council notices it needs. */
class WorkingDaysTests {

    private final WorkingDays calendar = new WorkingDays(days());

    @Test
    void aListedHolidayIsNotAWorkingDayAndAMakeUpSaturdayIs() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-12"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-13"))).isTrue();
    }

    @Test
    void complaintReplyDeadlineSkipsNationalDayAndCountsTheMakeUpSaturday() {
        // 10-09 (1), 10-10 (2), Saturday 10-11 worked (3), 10-13 (4): due at the end of 10-13
        assertThat(calendar.endOfWorkingDaysAfter(at("2025-09-30T10:00"), 4)).isEqualTo(at("2025-10-14T00:00"));
    }

    @Test
    void theStartDayNeverCountsEvenWhenItIsAHoliday() {
        assertThat(calendar.endOfWorkingDaysAfter(at("2025-10-03T09:00"), 1)).isEqualTo(at("2025-10-10T00:00"));
        assertThat(calendar.endOfWorkingDaysAfter(at("2025-10-09T23:59"), 1)).isEqualTo(at("2025-10-11T00:00"));
    }

    @Test
    void deadlineEndsAtMidnightShanghaiNotUtc() {
        // accepted 2025-03-03 07:30 Shanghai = 2025-03-02 23:30 UTC: the start day is the Shanghai day
        Instant due = calendar.endOfWorkingDaysAfter(Instant.parse("2025-03-02T23:30:00Z"), 1);
        assertThat(due).isEqualTo(Instant.parse("2025-03-04T16:00:00Z"));
    }

    @Test
    void springFestival2026SkipsTheNineDayHolidayAndCountsSaturdayFebruary14() {
        // 02-13 (1), Saturday 02-14 worked (2), 02-15..02-23 holiday, 02-24 (3), 02-25 (4)
        assertThat(calendar.endOfWorkingDaysAfter(at("2026-02-12T09:00"), 4)).isEqualTo(at("2026-02-26T00:00"));
    }

    @Test
    void reportReplyAcrossSpringFestival2025CountsBothMakeUpDays() {
        // Sunday 01-26 worked (1), 01-27 (2), 02-05..02-07 (3-5), Saturday 02-08 worked (6), 02-10..02-12 (7-9)
        assertThat(calendar.endOfWorkingDaysAfter(at("2025-01-24T16:00"), 9)).isEqualTo(at("2025-02-13T00:00"));
    }

    @Test
    void regulatorOrderAcrossMidAutumnAndNationalDay2026() {
        // Sunday 09-20 worked (1), 09-21..09-24 (2-5), 09-28..09-30 (6-8), 10-08 (9), 10-09 (10)
        assertThat(calendar.endOfWorkingDaysAfter(at("2026-09-18T16:00"), 10)).isEqualTo(at("2026-10-10T00:00"));
    }

    @Test
    void naturalDaysAndHoursRunAroundTheClock() {
        assertThat(DurationUnit.NATURAL_DAYS.dueAfter(at("2025-09-30T10:00"), 7, calendar)).isEqualTo(at("2025-10-07T10:00"));
        assertThat(DurationUnit.HOURS.dueAfter(at("2025-09-30T10:00"), 24, calendar)).isEqualTo(at("2025-10-01T10:00"));
        assertThat(DurationUnit.MINUTES.dueAfter(at("2025-09-30T10:00"), 45, calendar)).isEqualTo(at("2025-09-30T10:45"));
    }

    static Instant at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + ":00+08:00").toInstant();
    }

    private static Map<LocalDate, DayKind> days() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.parse("2025-01-26"), DayKind.WORKDAY);
        for (LocalDate d = LocalDate.parse("2025-01-28"); !d.isAfter(LocalDate.parse("2025-02-04")); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.parse("2025-02-08"), DayKind.WORKDAY);
        days.put(LocalDate.parse("2025-09-28"), DayKind.WORKDAY);
        for (LocalDate d = LocalDate.parse("2025-10-01"); !d.isAfter(LocalDate.parse("2025-10-08")); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.parse("2025-10-11"), DayKind.WORKDAY);
        days.put(LocalDate.parse("2026-02-14"), DayKind.WORKDAY);
        for (LocalDate d = LocalDate.parse("2026-02-15"); !d.isAfter(LocalDate.parse("2026-02-23")); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.parse("2026-02-28"), DayKind.WORKDAY);
        days.put(LocalDate.parse("2026-09-20"), DayKind.WORKDAY);
        for (String d : new String[] {"2026-09-25", "2026-09-26", "2026-09-27"}) {
            days.put(LocalDate.parse(d), DayKind.HOLIDAY);
        }
        for (LocalDate d = LocalDate.parse("2026-10-01"); !d.isAfter(LocalDate.parse("2026-10-07")); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.parse("2026-10-10"), DayKind.WORKDAY);
        return days;
    }
}
