package org.gridcare.metering;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.MeterDirectory;
import org.gridcare.customer.MeterSummary;
import org.gridcare.metering.RowProblem.Codes;
import org.gridcare.organisation.DataScope;
import org.gridcare.shared.BusinessTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import run, in one database transaction so that a file is never half imported:
 * <ol>
 *   <li>READING — the file is streamed through {@link CsvRecords}; each row is checked on its own
 *       ({@link ReadingRows}) and good rows are streamed with COPY into a temporary staging table;</li>
 *   <li>the meter numbers of the file are looked up in the customer archive (in chunks, one query each)
 *       and COPYed beside it; the months the file touches get their partitions (in a short transaction of
 *       their own, so the long import holds no lock on the partitioned tables while it creates them);</li>
 *   <li>WAITING — imports take a transaction-scoped advisory lock, so two of them never judge
 *       duplicates or register order against each other's unfinished rows;</li>
 *   <li>CHECKING and SAVING — set-based SQL rejects rows of unknown meters or outside a meter's service,
 *       duplicates with a different value and registers going backwards, reports them row by row and
 *       inserts the rest with {@code insert … on conflict do nothing}.</li>
 * </ol>
 * Policy: every valid row is saved and every invalid one reported — never part of a row. A failure of the
 * file as a whole (no usable header, not UTF-8, unreadable) or of the run rolls everything back.
 */
@Component
class ReadingImportJob {

    static final String ENTITY = "MeterReadingImport";
    /** Rows between two looks at the clock while reading; the progress is written at most every {@link #PROGRESS_EVERY}. */
    private static final long PROGRESS_CHECK_ROWS = 4_096;
    private static final long PROGRESS_EVERY = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private static final int COPY_BUFFER = 256 * 1024;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportRepository imports;
    private final MeterDirectory meters;
    private final ReadingPartitions partitions;
    private final AuditTrail audit;
    private final MeteringProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate separately;

    ReadingImportJob(DataSource dataSource, JdbcClient jdbc, ImportRepository imports, MeterDirectory meters,
                     ReadingPartitions partitions, AuditTrail audit, MeteringProperties properties, Clock clock,
                     PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.imports = imports;
        this.meters = meters;
        this.partitions = partitions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The counts of a finished import. */
    record Outcome(long rowsRead, long accepted, long unchanged, long rejected) {
    }

    /** Runs the import of a stored file; marks it DONE or FAILED. Never throws. */
    Outcome run(long id, ReadingKind kind, Path file, DataScope scope) {
        try {
            separately.executeWithoutResult(s -> imports.started(id, now()));
            Outcome outcome = tx.execute(s -> importFile(id, kind, file, scope));
            return outcome;
        } catch (ImportFailure failure) {
            separately.executeWithoutResult(s -> {
                imports.failed(id, failure.reason(), now());
                if (failure.problem() != null) {
                    imports.addProblems(id, List.of(failure.problem()));
                }
                audit.record("METER_READINGS_IMPORT_FAILED", ENTITY, String.valueOf(id), failure.reason());
            });
            return null;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReadingImportJob.class).error("Reading import {} failed", id, e);
            separately.executeWithoutResult(s -> {
                imports.failed(id, "ERROR", now());
                audit.record("METER_READINGS_IMPORT_FAILED", ENTITY, String.valueOf(id), "ERROR");
            });
            return null;
        }
    }

    private Outcome importFile(long id, ReadingKind kind, Path file, DataScope scope) {
        jdbc.sql("set local work_mem = '128MB'").update();
        // the insert keeps the first of two equal keys by scanning the staging table in file order
        jdbc.sql("set local synchronize_seqscans = off").update();
        jdbc.sql(kind == ReadingKind.INTERVAL ? """
                create temp table stage (meter_number text collate "C", day date, clean boolean, slots smallint[],
                                         minutes smallint[], kwh integer[], lines bigint[], total bigint, points integer,
                                         max_kw bigint, meter_id bigint, in_service boolean) on commit drop
                """ : """
                create temp table stage (line bigint, meter_number text, ts timestamptz, total numeric, critical_peak numeric,
                                         peak numeric, flat numeric, valley numeric, reactive_kvarh numeric,
                                         max_demand_kw numeric) on commit drop
                """).update();
        jdbc.sql("""
                create temp table stage_meter (meter_number text primary key, meter_id bigint, installed_on date,
                                               removed_on date) on commit drop
                """).update();

        List<RowProblem> problems = new ArrayList<>();
        long[] counts = new long[2]; // rows read, rows rejected by their own rules
        long fileSize = sizeOf(file);
        copyRows(id, kind, file, fileSize, problems, counts);
        long rowsRead = counts[0];
        long rejected = counts[1];
        imports.addProblems(id, problems);

        progress(id, "CHECKING", fileSize, rowsRead);
        if (kind == ReadingKind.INTERVAL) {
            stageDays();
        } else {
            jdbc.sql("analyze stage").update();
        }
        String staged = kind == ReadingKind.INTERVAL ? "stage_day" : "stage";
        resolveMeters(scope, staged);
        partitions.ensure(monthsOf(kind, staged));

        progress(id, "WAITING", fileSize, rowsRead);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('metering-reading-import'))").query(Object.class).list();
        progress(id, "CHECKING", fileSize, rowsRead);
        rejected += kind == ReadingKind.INTERVAL ? rejectIntervalsByMeter(id) : rejectByMeter(id, kind);
        long[] saved = kind == ReadingKind.INTERVAL ? saveIntervals(id) : saveRegisters(id);
        rejected += saved[2];
        imports.done(id, rowsRead, saved[0], saved[1], rejected, now());
        audit.record("METER_READINGS_IMPORTED", ENTITY, String.valueOf(id),
                "%s: %d rows read, %d stored, %d already stored, %d rejected".formatted(kind, rowsRead, saved[0],
                        saved[1], rejected));
        return new Outcome(rowsRead, saved[0], saved[1], rejected);
    }

    /** Streams the file's good rows into the staging table; collects the bad ones (up to the report limit). */
    private void copyRows(long id, ReadingKind kind, Path file, long fileSize, List<RowProblem> problems, long[] counts) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Instant now = now();
        Instant earliest = LocalDate.of(properties.earliestReading(), 1, 1).atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant latest = now.plus(properties.futureTolerance());
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             Reader reader = utf8(counted)) {
            CsvRecords records = new CsvRecords(reader);
            Map<String, Integer> header = records.header();
            List<String> missing = ReadingRows.missingColumns(kind, header);
            if (!missing.isEmpty()) {
                throw new ImportFailure("BAD_HEADER", RowProblem.of(1, null, Codes.BAD_HEADER,
                        String.join(",", missing), String.join(",", kind.columns())));
            }
            ReadingRows rows = new ReadingRows(kind, header, records.headerSize(), earliest, latest);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(kind == ReadingKind.INTERVAL
                    ? "copy stage (meter_number, day, clean, slots, minutes, kwh, lines, total, points, max_kw) from stdin"
                    : "copy stage from stdin");
            try {
                long reported = System.nanoTime();
                StringBuilder buffer = new StringBuilder(COPY_BUFFER + 4096);
                IntervalFragments intervals = new IntervalFragments(buffer);
                while (records.next()) {
                    long line = records.number();
                    counts[0]++;
                    RowProblem problem = rows.append(records, line, buffer, intervals);
                    if (problem != null) {
                        counts[1]++;
                        if (problems.size() < properties.reportLimit()) {
                            problems.add(problem);
                        }
                    }
                    if (buffer.length() >= COPY_BUFFER) {
                        write(copy, buffer);
                    }
                    if (counts[0] % PROGRESS_CHECK_ROWS == 0 && System.nanoTime() - reported >= PROGRESS_EVERY) {
                        // a commit of its own each time: once a second, not per so many rows
                        progress(id, "READING", counted.count(), counts[0]);
                        reported = System.nanoTime();
                    }
                }
                intervals.flush();
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            progress(id, "READING", fileSize, counts[0]);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        } catch (IllegalArgumentException e) {
            // a duplicate header name
            throw new ImportFailure("BAD_CSV", RowProblem.of(1, null, "BAD_CSV"));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        }
        if (counts[0] == 0) {
            throw new ImportFailure("EMPTY", null);
        }
    }

    private static ImportFailure unreadable(Throwable cause) {
        return cause instanceof CharacterCodingException
                ? new ImportFailure("NOT_UTF8", null)
                : new ImportFailure("UNREADABLE", null);
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** The file's meters as the archive knows them within the importer's scope, beside the staging table. */
    private void resolveMeters(DataScope scope, String staged) {
        List<String> numbers = jdbc.sql("select distinct meter_number from " + staged).query(String.class).list();
        for (int from = 0; from < numbers.size(); from += MeterDirectory.MAX_NUMBERS) {
            List<MeterSummary> found = meters.byNumbers(
                    numbers.subList(from, Math.min(numbers.size(), from + MeterDirectory.MAX_NUMBERS)), scope);
            if (found.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    insert into stage_meter (meter_number, meter_id, installed_on, removed_on)
                    select * from unnest(:numbers, :ids, :installed, :removed)
                    """)
                    .param("numbers", found.stream().map(MeterSummary::meterNumber).toArray(String[]::new))
                    .param("ids", found.stream().map(MeterSummary::meterId).toArray(Long[]::new))
                    .param("installed", found.stream().map(m -> java.sql.Date.valueOf(m.installedOn())).toArray(java.sql.Date[]::new))
                    .param("removed", found.stream().map(m -> m.removedOn() == null ? null : java.sql.Date.valueOf(m.removedOn()))
                            .toArray(java.sql.Date[]::new))
                    .update();
        }
    }

    private List<LocalDate> monthsOf(ReadingKind kind, String staged) {
        return jdbc.sql(kind == ReadingKind.INTERVAL
                        ? "select distinct date_trunc('month', day)::date from " + staged
                        : "select distinct date_trunc('month', ts at time zone 'Asia/Shanghai')::date from " + staged)
                .query(LocalDate.class).list();
    }

    /**
     * The staged interval fragments as one row per meter-day ({@code stage_day}), their arrays ordered by slot and
     * line. When every meter-day came as one fragment (the usual case: a file that lists a meter's day together)
     * the staging table already is that, with its sums from the reader, and is only renamed; otherwise the
     * fragments of a meter-day are merged (and summed) here. Only the key columns are analysed: the statistics of
     * the array columns cost more than everything else the database does with them.
     */
    private void stageDays() {
        boolean repeated = jdbc.sql("select exists (select 1 from stage group by meter_number, day having count(*) > 1)")
                .query(Boolean.class).single();
        if (!repeated) {
            jdbc.sql("alter table stage rename to stage_day").update();
        } else {
            jdbc.sql("create temp table stage_day (like stage) on commit drop").update();
            jdbc.sql("""
                    insert into stage_day (meter_number, day, clean, slots, minutes, kwh, lines, total, points, max_kw)
                    with many as (select meter_number, day from stage group by 1, 2 having count(*) > 1)
                    select s.meter_number, s.day, s.clean, s.slots, s.minutes, s.kwh, s.lines, s.total, s.points, s.max_kw
                      from stage s
                     where not exists (select 1 from many m where m.meter_number = s.meter_number and m.day = s.day)
                    union all
                    select s.meter_number, s.day, count(distinct u.slot) = count(*),
                           array_agg(u.slot order by u.slot, u.line), array_agg(u.length order by u.slot, u.line),
                           array_agg(u.value order by u.slot, u.line), array_agg(u.line order by u.slot, u.line),
                           sum(u.value), count(*), max(u.value::bigint * 60 / u.length)
                      from stage s join many m on m.meter_number = s.meter_number and m.day = s.day
                     cross join lateral unnest(s.slots, s.minutes, s.kwh, s.lines) as u(slot, length, value, line)
                     group by s.meter_number, s.day
                    """).update();
        }
        jdbc.sql("analyze stage_day (meter_number, day)").update();
        // the meter-days stored by this import (new, or found stored exactly so)
        jdbc.sql("create temp table stage_done (meter_id bigint, day date, primary key (meter_id, day)) on commit drop")
                .update();
    }

    /** Interval rows of meters the archive doesn't know (within the scope), or of days the meter was not in service. */
    private long rejectIntervalsByMeter(long id) {
        jdbc.sql("""
                update stage_day d set meter_id = m.meter_id,
                       in_service = d.day between m.installed_on and coalesce(m.removed_on, 'infinity')
                  from stage_meter m where m.meter_number = d.meter_number
                """).update();
        long rejected = jdbc.sql("""
                with gone as (
                    select d.meter_number, d.meter_id, d.day, u.slot, u.line
                      from stage_day d cross join lateral unnest(d.slots, d.lines) as u(slot, line)
                     where d.in_service is not true),
                reported as (
                    insert into meter_import_problem (import_id, line, field, code, arguments)
                    select :id, g.line, case when g.meter_id is null then 'meterNumber' else 'start' end,
                           case when g.meter_id is null then 'UNKNOWN_METER' else 'METER_NOT_IN_SERVICE' end,
                           case when g.meter_id is null then array[g.meter_number]
                                else array[g.meter_number, to_char(g.day + g.slot * interval '15 minutes', 'YYYY-MM-DD HH24:MI'),
                                           m.installed_on::text, coalesce(m.removed_on::text, '-')] end
                      from gone g left join stage_meter m on m.meter_number = g.meter_number
                     order by g.line limit :room
                    on conflict do nothing)
                select count(*) from gone
                """).param("id", id).param("room", room(id)).query(Long.class).single();
        if (rejected > 0) {
            jdbc.sql("delete from stage_day where in_service is not true").update();
        }
        return rejected;
    }

    /** Rows of meters the archive doesn't know (within the scope), or read while the meter was not in service. */
    private long rejectByMeter(long id, ReadingKind kind) {
        return jdbc.sql("""
                with gone as (
                    delete from stage s where not exists (
                        select 1 from stage_meter m where m.meter_number = s.meter_number
                           and (s.ts at time zone 'Asia/Shanghai')::date between m.installed_on and coalesce(m.removed_on, 'infinity'))
                    returning s.line, s.meter_number, s.ts),
                reported as (
                    insert into meter_import_problem (import_id, line, field, code, arguments)
                    select :id, g.line, case when m.meter_id is null then 'meterNumber' else :timeField end,
                           case when m.meter_id is null then 'UNKNOWN_METER' else 'METER_NOT_IN_SERVICE' end,
                           case when m.meter_id is null then array[g.meter_number]
                                else array[g.meter_number, to_char(g.ts at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
                                           m.installed_on::text, coalesce(m.removed_on::text, '-')] end
                      from gone g left join stage_meter m on m.meter_number = g.meter_number
                     order by g.line limit :room
                    on conflict do nothing)
                select count(*) from gone
                """).param("id", id).param("timeField", kind.columns().get(1)).param("room", room(id))
                .query(Long.class).single();
    }

    /** How many more rejected rows the report takes. */
    private int room(long id) {
        return (int) Math.max(0, properties.reportLimit() - imports.problemCount(id));
    }

    /**
     * Stores the staged meter-days. A meter-day without a repeated slot that isn't stored yet (the usual case:
     * new readings) is inserted as it is, with its daily sums. The others — stored already, or a slot twice in
     * the file — are compared slot by slot, the stored reading (or the file's first) coming first: the same
     * value again is unchanged, a different one a <b>duplicate with a different value</b> (rejected), a new
     * slot is added and the day's arrays and sums are rewritten. Returns {accepted, unchanged, rejected}.
     */
    private long[] saveIntervals(long id) {
        progress(id, "SAVING", 0, 0);
        // a clean meter-day's sums come with it (from the reader, or the merge): nothing is unnested here
        long accepted = jdbc.sql("""
                with added as (
                    insert into meter_interval_slots (meter_id, day, slots, minutes, kwh_e4)
                    select meter_id, day, slots, minutes, kwh from stage_day where clean
                    on conflict do nothing
                    returning meter_id, day),
                day_sums as (
                    select s.meter_id, s.day, s.total as kwh_e4, s.points, least(s.max_kw, 2147483647) as max_kw_e4
                      from added a join stage_day s on s.meter_id = a.meter_id and s.day = a.day and s.clean),
                sums as (
                    insert into meter_interval_day as d (meter_id, day, kwh_e4, points, max_kw_e4)
                    select meter_id, day, kwh_e4, points, max_kw_e4 from day_sums
                    on conflict (meter_id, day) do update
                       set kwh_e4 = excluded.kwh_e4, points = excluded.points, max_kw_e4 = excluded.max_kw_e4),
                months as (
                    insert into meter_month as m (meter_id, month, kwh_e4, days, max_kw_e4)
                    select meter_id, date_trunc('month', day)::date, sum(kwh_e4), count(*), max(max_kw_e4)
                      from day_sums group by 1, 2
                    on conflict (meter_id, month) do update
                       set kwh_e4 = m.kwh_e4 + excluded.kwh_e4, days = m.days + excluded.days,
                           max_kw_e4 = greatest(m.max_kw_e4, excluded.max_kw_e4)),
                marked as (
                    insert into stage_done (meter_id, day) select meter_id, day from added)
                select coalesce(sum(points), 0) from day_sums
                """).query(Long.class).single();
        // a meter-day exactly as stored (a file imported again): unchanged as a whole
        long same = jdbc.sql("""
                with same as (
                    select d.meter_id, d.day, cardinality(d.slots) as points
                      from stage_day d join meter_interval_slots i on i.meter_id = d.meter_id and i.day = d.day
                     where d.clean and not exists (select 1 from stage_done x where x.meter_id = d.meter_id and x.day = d.day)
                       and i.slots = d.slots and i.minutes = d.minutes and i.kwh_e4 = d.kwh),
                marked as (
                    insert into stage_done (meter_id, day) select meter_id, day from same)
                select coalesce(sum(points), 0) from same
                """).query(Long.class).single();
        long rest = jdbc.sql("""
                select count(*) from stage_day d
                 where not exists (select 1 from stage_done x where x.meter_id = d.meter_id and x.day = d.day)
                """).query(Long.class).single();
        if (rest == 0) {
            return new long[] {accepted, same, 0};
        }
        // stored slots first (line 0), then the file's in line order: the first of each slot is what stays
        jdbc.sql("""
                create temp table stage_point on commit drop as
                select p.*, row_number() over (partition by p.meter_id, p.day, p.slot order by p.line) as nth
                  from (select d.meter_id, d.meter_number, d.day, u.slot, u.length, u.value, u.line
                          from stage_day d cross join lateral unnest(d.slots, d.minutes, d.kwh, d.lines) as u(slot, length, value, line)
                         where not exists (select 1 from stage_done x where x.meter_id = d.meter_id and x.day = d.day)
                        union all
                        select d.meter_id, d.meter_number, d.day, u.slot, u.length, u.value, 0
                          from stage_day d join meter_interval_slots i on i.meter_id = d.meter_id and i.day = d.day
                         cross join lateral unnest(i.slots, i.minutes, i.kwh_e4) as u(slot, length, value)
                         where not exists (select 1 from stage_done x where x.meter_id = d.meter_id and x.day = d.day)) p
                """).update();
        long conflicts = jdbc.sql("""
                with conflict as (
                    select p.line, p.meter_number, p.day, p.slot, p.value as mine, p.length as my_minutes,
                           f.value as earlier, f.length as earlier_minutes
                      from stage_point p join stage_point f
                        on f.meter_id = p.meter_id and f.day = p.day and f.slot = p.slot and f.nth = 1
                     where p.nth > 1 and (f.value <> p.value or f.length <> p.length)),
                reported as (
                    insert into meter_import_problem (import_id, line, field, code, arguments)
                    select :id, line, 'kwh', 'DUPLICATE_CONFLICT',
                           array[meter_number, to_char(day + slot * interval '15 minutes', 'YYYY-MM-DD HH24:MI'),
                                 trim_scale(earlier / 10000.0) || ' kWh/' || earlier_minutes || 'min',
                                 trim_scale(mine / 10000.0) || ' kWh/' || my_minutes || 'min']
                      from conflict order by line limit :room
                    on conflict do nothing)
                select count(*) from conflict
                """).param("id", id).param("room", room(id)).query(Long.class).single();
        long added = jdbc.sql("select count(*) from stage_point where nth = 1 and line > 0").query(Long.class).single();
        long unchanged = jdbc.sql("select count(*) from stage_point where nth > 1").query(Long.class).single() - conflicts;
        if (added > 0) {
            jdbc.sql("""
                    with changed as (
                        select meter_id, day, array_agg(slot order by slot) as slots, array_agg(length order by slot) as minutes,
                               array_agg(value order by slot) as kwh, sum(value) as total, count(*) as points,
                               least(max(value::bigint * 60 / length), 2147483647) as max_kw
                          from stage_point
                         where nth = 1 and (meter_id, day) in (select meter_id, day from stage_point where nth = 1 and line > 0)
                         group by meter_id, day),
                    arrays as (
                        insert into meter_interval_slots as i (meter_id, day, slots, minutes, kwh_e4)
                        select meter_id, day, slots, minutes, kwh from changed
                        on conflict (meter_id, day) do update
                           set slots = excluded.slots, minutes = excluded.minutes, kwh_e4 = excluded.kwh_e4)
                    insert into meter_interval_day as d (meter_id, day, kwh_e4, points, max_kw_e4)
                    select meter_id, day, total, points, max_kw from changed
                    on conflict (meter_id, day) do update
                       set kwh_e4 = excluded.kwh_e4, points = excluded.points, max_kw_e4 = excluded.max_kw_e4
                    """).update();
            // the months of the rewritten days, summed again from their days
            jdbc.sql("""
                    insert into meter_month as m (meter_id, month, kwh_e4, days, max_kw_e4)
                    select d.meter_id, c.month, sum(d.kwh_e4), count(*), max(d.max_kw_e4)
                      from (select distinct meter_id, date_trunc('month', day)::date as month
                              from stage_point where nth = 1 and line > 0) c
                      join meter_interval_day d on d.meter_id = c.meter_id and d.day >= c.month
                                               and d.day < (c.month + interval '1 month')::date
                     group by d.meter_id, c.month
                    on conflict (meter_id, month) do update
                       set kwh_e4 = excluded.kwh_e4, days = excluded.days, max_kw_e4 = excluded.max_kw_e4
                    """).update();
        }
        return new long[] {accepted + added, same + unchanged, conflicts};
    }

    /**
     * Register reads: a read equal to a stored one (or to an earlier line) is unchanged, a different read
     * at the same moment is a conflict, and a read lower than the meter's read before it — stored or in
     * the file — in any cumulative register (total, TOU, reactive) goes backwards; so does one higher than
     * a stored read after it. Maximum demand is not cumulative and is not compared. Returns {accepted,
     * unchanged, rejected}.
     */
    private long[] saveRegisters(long id) {
        jdbc.sql("""
                create temp table stage_read on commit drop as
                select s.line, m.meter_id, s.ts, s.total, s.critical_peak, s.peak, s.flat, s.valley, s.reactive_kvarh,
                       s.max_demand_kw, s.meter_number,
                       row_number() over (partition by m.meter_id, s.ts order by s.line) as nth
                  from stage s join stage_meter m using (meter_number)
                """).update();
        // the same moment twice: stored already (compared with that), or an earlier line of the file
        jdbc.sql("""
                create temp table stage_repeat on commit drop as
                select r.line, r.meter_number, r.ts, coalesce(st.total, f.total) as earlier_total, r.total,
                       case when st.meter_id is not null
                            then (st.total, st.critical_peak, st.peak, st.flat, st.valley, st.reactive_kvarh, st.max_demand_kw)
                                 is not distinct from (r.total, r.critical_peak, r.peak, r.flat, r.valley, r.reactive_kvarh, r.max_demand_kw)
                            else (f.total, f.critical_peak, f.peak, f.flat, f.valley, f.reactive_kvarh, f.max_demand_kw)
                                 is not distinct from (r.total, r.critical_peak, r.peak, r.flat, r.valley, r.reactive_kvarh, r.max_demand_kw)
                       end as same
                  from stage_read r
                  left join meter_register st on st.meter_id = r.meter_id and st.read_at = r.ts
                  left join stage_read f on f.meter_id = r.meter_id and f.ts = r.ts and f.nth = 1 and r.nth > 1
                 where st.meter_id is not null or r.nth > 1
                """).update();
        long unchanged = jdbc.sql("select count(*) from stage_repeat where same").query(Long.class).single();
        long rejected = jdbc.sql("select count(*) from stage_repeat where not same").query(Long.class).single();
        jdbc.sql("""
                insert into meter_import_problem (import_id, line, field, code, arguments)
                select :id, line, 'total', 'DUPLICATE_CONFLICT',
                       array[meter_number, to_char(ts at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
                             trim_scale(earlier_total)::text, trim_scale(total)::text]
                  from stage_repeat where not same order by line limit :room
                on conflict do nothing
                """).param("id", id).param("room", room(id)).update();
        jdbc.sql("delete from stage_read r where exists (select 1 from stage_repeat p where p.line = r.line)").update();

        // the rest in order with the stored reads around them: each against its neighbours
        jdbc.sql("""
                create temp table stage_backwards on commit drop as
                with span as (select meter_id, min(ts) as lo, max(ts) as hi from stage_read group by meter_id),
                stored as (
                    select st.meter_id, st.read_at as ts, st.total, st.critical_peak, st.peak, st.flat, st.valley, st.reactive_kvarh
                      from span join meter_register st on st.meter_id = span.meter_id and st.read_at between span.lo and span.hi
                    union all
                    select b.* from span cross join lateral (
                        select st.meter_id, st.read_at, st.total, st.critical_peak, st.peak, st.flat, st.valley, st.reactive_kvarh
                          from meter_register st where st.meter_id = span.meter_id and st.read_at < span.lo
                         order by st.read_at desc limit 1) b
                    union all
                    select a.* from span cross join lateral (
                        select st.meter_id, st.read_at, st.total, st.critical_peak, st.peak, st.flat, st.valley, st.reactive_kvarh
                          from meter_register st where st.meter_id = span.meter_id and st.read_at > span.hi
                         order by st.read_at limit 1) a),
                reads as (
                    select null::bigint as line, null::text as meter_number, * from stored
                    union all
                    select line, meter_number, meter_id, ts, total, critical_peak, peak, flat, valley, reactive_kvarh from stage_read),
                ordered as (
                    select r.*,
                           lag(ts) over w as p_at, lag(total) over w as p_total, lag(critical_peak) over w as p_cp,
                           lag(peak) over w as p_peak, lag(flat) over w as p_flat, lag(valley) over w as p_valley,
                           lag(reactive_kvarh) over w as p_reactive,
                           lead(line) over w as n_line, lead(ts) over w as n_at, lead(total) over w as n_total,
                           lead(critical_peak) over w as n_cp, lead(peak) over w as n_peak, lead(flat) over w as n_flat,
                           lead(valley) over w as n_valley, lead(reactive_kvarh) over w as n_reactive
                      from reads r window w as (partition by meter_id order by ts))
                select line, meter_number, to_char(ts at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as ts, v.*
                  from ordered cross join lateral (
                    select field, mine, other, other_at from (values
                        ('total', total, p_total, n_total), ('criticalPeak', critical_peak, p_cp, n_cp),
                        ('peak', peak, p_peak, n_peak), ('flat', flat, p_flat, n_flat), ('valley', valley, p_valley, n_valley),
                        ('reactiveKvarh', reactive_kvarh, p_reactive, n_reactive)) as c(field, mine, prev, next)
                      cross join lateral (
                        select c.prev as other, p_at as other_at where c.mine < c.prev
                        union all
                        select c.next, n_at where n_line is null and n_at is not null and c.mine > c.next) x
                     limit 1) v
                 where line is not null
                """).update();
        rejected += jdbc.sql("select count(*) from stage_backwards").query(Long.class).single();
        jdbc.sql("""
                insert into meter_import_problem (import_id, line, field, code, arguments)
                select :id, line, field, 'REGISTER_BACKWARDS',
                       array[meter_number, ts, trim_scale(mine)::text, trim_scale(other)::text,
                             to_char(other_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')]
                  from stage_backwards order by line limit :room
                on conflict do nothing
                """).param("id", id).param("room", room(id)).update();
        jdbc.sql("delete from stage_read r where exists (select 1 from stage_backwards b where b.line = r.line)").update();
        progress(id, "SAVING", 0, 0);
        long accepted = jdbc.sql("""
                insert into meter_register (meter_id, read_at, total, critical_peak, peak, flat, valley, reactive_kvarh, max_demand_kw)
                select meter_id, ts, total, critical_peak, peak, flat, valley, reactive_kvarh, max_demand_kw from stage_read
                on conflict do nothing
                """).update();
        if (accepted > 0) {
            // the register differences per month of the meters read, from a month before the first new read
            jdbc.sql("""
                    with span as (
                        select meter_id, date_trunc('month', (min(ts) - interval '32 days') at time zone 'Asia/Shanghai')::date as lo,
                               (date_trunc('month', max(ts) at time zone 'Asia/Shanghai') + interval '1 month')::date as hi
                          from stage_read group by meter_id),
                    pairs as (
                        select r.meter_id, span.lo, r.read_at, r.total, lead(r.read_at) over w as next_at, lead(r.total) over w as next_total
                          from span join meter_register r on r.meter_id = span.meter_id
                           and r.read_at >= span.lo::timestamp at time zone 'Asia/Shanghai'
                           and r.read_at < (span.hi + 33)::timestamp at time zone 'Asia/Shanghai'
                        window w as (partition by r.meter_id order by r.read_at)),
                    months as (
                        select meter_id, date_trunc('month', read_at at time zone 'Asia/Shanghai')::date as month,
                               sum(next_total - total) as kwh, sum(extract(epoch from next_at - read_at)) / 86400 as days
                          from pairs
                         where next_at is not null and next_at > read_at and next_at - read_at <= interval '32 days'
                           and read_at < (select hi from span s where s.meter_id = pairs.meter_id)::timestamp at time zone 'Asia/Shanghai'
                         group by 1, 2)
                    insert into meter_month as m (meter_id, month, register_kwh, register_days)
                    select meter_id, month, kwh, days from months
                    on conflict (meter_id, month) do update
                       set register_kwh = excluded.register_kwh, register_days = excluded.register_days
                    """).update();
        }
        return new long[] {accepted, unchanged, rejected};
    }

    /** Progress goes through its own short transaction, so that other sessions see it while this one runs. */
    private void progress(long id, String phase, long bytesRead, long rowsRead) {
        separately.executeWithoutResult(s -> {
            // progress needs no durability (a crash ends the import anyway): no wait for the WAL flush
            jdbc.sql("set local synchronous_commit = off").update();
            if (bytesRead == 0 && rowsRead == 0) {
                jdbc.sql("update meter_import set phase = :phase, heartbeat_at = :now where id = :id")
                        .param("phase", phase).param("now", java.sql.Timestamp.from(now())).param("id", id).update();
            } else {
                imports.progress(id, phase, bytesRead, rowsRead, now());
            }
        });
    }

    private static Reader utf8(InputStream input) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(input, 3);
        byte[] bom = new byte[3];
        int read = stream.readNBytes(bom, 0, 3);
        boolean hasBom = read == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf;
        if (!hasBom && read > 0) {
            stream.unread(bom, 0, read);
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportFailure("UNREADABLE", null);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
