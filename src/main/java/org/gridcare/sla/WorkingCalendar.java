package org.gridcare.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar (工作日历): the holidays and make-up working days an administrator keeps,
 * read into memory for the deadline arithmetic. Due times already computed are not recomputed when
 * the calendar changes; the change applies to clocks started afterwards.
 */
@Component
class WorkingCalendar {

    static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlaProperties properties;
    private final AuditTrail audit;
    private volatile Snapshot snapshot;

    WorkingCalendar(JdbcClient jdbc, Clock clock, SlaProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    /** The current working-day rule (cached; re-read after {@code gridcare.sla.calendar-refresh}). */
    WorkingDays workingDays() {
        Snapshot current = snapshot;
        Instant now = Instant.now(clock);
        if (current == null || current.loadedAt().plus(properties.calendarRefresh()).isBefore(now)
                || current.loadedAt().isAfter(now)) {
            Map<LocalDate, DayKind> days = new HashMap<>();
            jdbc.sql("select day, kind from sla_calendar_day")
                    .query((rs, n) -> days.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind"))))
                    .list();
            current = new Snapshot(new WorkingDays(days), now);
            snapshot = current;
        }
        return current.workingDays();
    }

    /** The listed days (holidays and make-up working days) of one year, in date order. */
    List<CalendarDay> year(int year) {
        return jdbc.sql("select day, kind, name from sla_calendar_day where day between :from and :to order by day")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CalendarDay(rs.getObject("day", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    /** Marks one day as a holiday or a make-up working day (or renames it). */
    @Transactional
    CalendarDay setDay(LocalDate day, String kindValue, String name, Actor actor) {
        DayKind kind = kindOf(kindValue, "kind");
        String trimmed = nameOf(name, "name");
        checkKindFitsDay(day, kind, "kind");
        save(new CalendarDay(day, kind, trimmed), actor);
        audit.record("CALENDAR_DAY_SET", "CalendarDay", day.toString(), kind + " " + trimmed);
        invalidate();
        return new CalendarDay(day, kind, trimmed);
    }

    /** Removes a listed day: it follows the weekday rule again. */
    @Transactional
    void removeDay(LocalDate day) {
        int removed = jdbc.sql("delete from sla_calendar_day where day = :day").param("day", day).update();
        if (removed == 0) {
            throw new NotFoundException("CalendarDay", day.toString());
        }
        audit.record("CALENDAR_DAY_REMOVED", "CalendarDay", day.toString(), "removed");
        invalidate();
    }

    /**
     * Imports a CSV file {@code date,kind,name} (UTF-8, optional header). All or nothing: when any row
     * is wrong nothing is saved and every wrong row is reported as {@code rows[line].field}. Rows
     * are added or replace the listed day of the same date; other days are left as they are.
     */
    @Transactional
    ImportResult importCsv(InputStream csv, Actor actor) {
        List<CalendarDay> rows = new ArrayList<>();
        List<InvalidInputException.Violation> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || (lineNumber == 1 && line.trim().toLowerCase().startsWith("date"))) {
                    continue;
                }
                parseRow(line, lineNumber, seen, rows, errors);
            }
        } catch (IOException e) {
            throw InvalidInputException.of("file", "sla.validation.calendar.unreadable");
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new InvalidInputException.Violation("file", "sla.validation.calendar.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        rows.forEach(row -> save(row, actor));
        audit.record("CALENDAR_IMPORTED", "CalendarDay", rows.get(0).day() + ".." + rows.get(rows.size() - 1).day(),
                rows.size() + " days imported");
        invalidate();
        return new ImportResult(rows.size(), rows.stream().map(r -> r.day().getYear()).distinct().sorted().toList());
    }

    /** What an import saved. */
    record ImportResult(int imported, List<Integer> years) {
    }

    private void parseRow(String line, int lineNumber, Set<LocalDate> seen, List<CalendarDay> rows,
                          List<InvalidInputException.Violation> errors) {
        String prefix = "rows[" + lineNumber + "].";
        String[] cells = line.split(",", -1);
        if (cells.length != 3) {
            errors.add(new InvalidInputException.Violation("rows[" + lineNumber + "]",
                    "sla.validation.calendar.columns", cells.length));
            return;
        }
        int before = errors.size();
        LocalDate day = null;
        try {
            day = LocalDate.parse(cells[0].trim());
            if (!seen.add(day)) {
                errors.add(new InvalidInputException.Violation(prefix + "date", "sla.validation.calendar.duplicate", day));
            }
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInputException.Violation(prefix + "date", "sla.validation.calendar.date", cells[0].trim()));
        }
        DayKind kind = null;
        try {
            kind = kindOf(cells[1].trim(), prefix + "kind");
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        String name = null;
        try {
            name = nameOf(cells[2], prefix + "name");
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        if (day != null && kind != null) {
            try {
                checkKindFitsDay(day, kind, prefix + "kind");
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        }
        if (errors.size() == before) {
            rows.add(new CalendarDay(day, kind, name));
        }
    }

    private static DayKind kindOf(String value, String field) {
        try {
            return DayKind.valueOf(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "sla.validation.calendar.kind", value);
        }
    }

    private static String nameOf(String value, String field) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw InvalidInputException.of(field, "sla.validation.calendar.name", MAX_NAME);
        }
        return trimmed;
    }

    /** A make-up working day only makes sense on a weekend day. */
    private static void checkKindFitsDay(LocalDate day, DayKind kind, String field) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.WORKDAY && !weekend) {
            throw InvalidInputException.of(field, "sla.validation.calendar.workdayOnWeekday", day);
        }
    }

    private void save(CalendarDay row, Actor actor) {
        jdbc.sql("""
                insert into sla_calendar_day (day, kind, name, updated_at, updated_by)
                values (:day, :kind, :name, :at, :by)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("day", row.day())
                .param("kind", row.kind().name())
                .param("name", row.name())
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", actor.username())
                .update();
    }

    /** Forgets the cached calendar now and again once the transaction has ended (committed or not). */
    private void invalidate() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private record Snapshot(WorkingDays workingDays, Instant loadedAt) {
    }
}
