package org.gridcare.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code kpi_rollup}, the daily sums of every additive KPI formula part, so that a report over months reads
 * a few thousand rollup rows instead of millions of fact rows (see the V5 migration for the levels).
 *
 * <p><b>Always exact.</b> A report uses the rollup only for <i>clean</i> days: before {@code rolled_until}, not
 * marked dirty, settled (the day ended at least the response limit ago, so a formula's {@code :now} condition can
 * no longer change) and computed with the formulas and settings in force (fingerprint). Every other day comes from
 * the facts, in the same REPEATABLE READ snapshot. The statement that refreshes facts marks the rolled-up days it
 * touches dirty ({@link KpiFacts}); this job rolls dirty days again and advances {@code rolled_until} over settled
 * days. Advancing takes an exclusive advisory lock that every fact refresh holds shared (taken in a statement of its
 * own, before the marking statement's snapshot): refreshes that read the old {@code rolled_until} have committed
 * before the day is rolled, and later ones see the new one and mark the day — no change is ever lost between the
 * two.
 */
@Component
class KpiRollup {

    private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);
    /** The advisory lock guarding {@code rolled_until} ("kpi-rollup"). */
    static final long WATERMARK_LOCK = 0x6b70692d726f6c6cL;
    /** The rollup's own shape; change it to recompute every rollup row after a change of this class. */
    private static final String FORMAT = "kpi-rollup-2";
    /** How long one run may work before it leaves the rest to the next run. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(5);

    /** A level of detail of the rollup and the scope columns it keeps. */
    enum Level {
        UNIT(0, "f.unit_id", "f.unit_id, '', '', '', ''"),
        ATTRIBUTES(1, "f.unit_id, f.type, f.channel, f.category_code",
                "f.unit_id, f.type, f.channel, f.category_code, ''"),
        STAFF(2, "f.unit_id, coalesce(f.handler, f.created_by)",
                "f.unit_id, '', '', '', coalesce(f.handler, f.created_by)");

        final int code;
        final String groupBy;
        final String columns;

        Level(int code, String groupBy, String columns) {
            this.code = code;
            this.groupBy = groupBy;
            this.columns = columns;
        }

        /** The level that can answer a scope, if any: a staff filter always reads the facts. */
        static Optional<Level> serving(KpiScope scope) {
            if (scope.staff() != null) {
                return Optional.empty();
            }
            boolean attributes = scope.type() != null || scope.channel() != null || scope.category() != null;
            if (scope.groupBy() == GroupBy.STAFF || scope.groupBy() == GroupBy.TEAM) {
                return attributes ? Optional.empty() : Optional.of(STAFF);
            }
            boolean split = scope.groupBy() == GroupBy.TYPE || scope.groupBy() == GroupBy.CHANNEL
                    || scope.groupBy() == GroupBy.CATEGORY;
            return Optional.of(attributes || split ? ATTRIBUTES : UNIT);
        }
    }

    private final JdbcClient jdbc;
    private final KpiCatalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final FactRefresher refresher;

    KpiRollup(JdbcClient jdbc, KpiCatalog catalog, TransactionTemplate transactions, Clock clock,
              FactRefresher refresher) {
        this.refresher = refresher;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a report's figures are computed with: the formulas, in their order, and the settings. */
    static String fingerprint(List<KpiDefinition> definitions, Map<String, String> settings) {
        StringBuilder text = new StringBuilder(FORMAT);
        for (KpiDefinition d : definitions) {
            text.append('\n').append(d.name()).append('|').append(d.measure()).append('|').append(d.anchor())
                    .append('|').append(d.denominator()).append('|').append(d.numerator()).append('|')
                    .append(d.valueExpr());
        }
        settings.forEach((k, v) -> text.append('\n').append(k).append('=').append(v));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last day whose {@code :now} conditions are decided at {@code now}. */
    static LocalDate settledDay(Instant now, Map<String, String> settings) {
        int hours = Integer.parseInt(settings.getOrDefault("RESPONSE_HOURS", "24"));
        return LocalDate.ofInstant(now.minus(Duration.ofHours(hours)), BusinessTime.ZONE).minusDays(1);
    }

    /**
     * The days of {@code [from, to]} a report may read from the rollup at {@code now}; empty when the rollup was
     * computed with other formulas. Read in the report's snapshot.
     */
    List<LocalDate> cleanDays(LocalDate from, LocalDate to, String fingerprint, LocalDate settled) {
        Optional<LocalDate> until = jdbc.sql("""
                select rolled_until from kpi_rollup_state where id = 1 and fingerprint = :fp and rolled_until is not null
                """).param("fp", fingerprint).query((rs, i) -> rs.getDate(1).toLocalDate()).optional();
        if (until.isEmpty()) {
            return List.of();
        }
        LocalDate last = to.isBefore(settled) ? to : settled;
        if (!until.get().isAfter(last)) {
            last = until.get().minusDays(1);
        }
        if (last.isBefore(from)) {
            return List.of();
        }
        Set<LocalDate> dirty = new HashSet<>(jdbc.sql("select day from kpi_rollup_dirty where day between :a and :b")
                .param("a", Date.valueOf(from)).param("b", Date.valueOf(last))
                .query((rs, i) -> rs.getDate(1).toLocalDate()).list());
        List<LocalDate> clean = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            if (!dirty.contains(d)) {
                clean.add(d);
            }
        }
        return clean;
    }

    // ---- the job

    @Scheduled(fixedDelayString = "${gridcare.analytics.rollup-interval:10s}",
            initialDelayString = "${gridcare.analytics.rollup-interval:10s}")
    void run() {
        try {
            catchUp(RUN_BUDGET);
        } catch (RuntimeException e) {
            log.warn("KPI rollup run failed; the next run retries: {}", e.toString());
        }
    }

    /** Works until nothing is left or {@code budget} is spent; returns the steps done. */
    int catchUp(Duration budget) {
        // days whose orders are still queued would be rolled now and marked dirty by their refresh
        refresher.catchUp();
        Instant stop = Instant.now().plus(budget);
        int steps = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> step())) && Instant.now().isBefore(stop)) {
            steps++;
        }
        return steps;
    }

    /** One unit of work in the caller's transaction; false when there is nothing to do (or another node works). */
    private boolean step() {
        Map<String, String> settings = catalog.settings();
        List<KpiDefinition> definitions = catalog.definitions();
        String fingerprint = fingerprint(definitions, settings);
        record State(String fingerprint, LocalDate rolledUntil) {
        }
        Optional<State> locked = jdbc.sql("select fingerprint, rolled_until from kpi_rollup_state where id = 1 "
                + "for update skip locked").query((rs, i) -> new State(rs.getString(1),
                rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate())).optional();
        if (locked.isEmpty()) {
            return false;
        }
        State state = locked.get();
        if (!fingerprint.equals(state.fingerprint())) {
            jdbc.sql("delete from kpi_rollup").update();
            jdbc.sql("delete from kpi_rollup_median").update();
            jdbc.sql("delete from kpi_rollup_dirty").update();
            jdbc.sql("update kpi_rollup_state set fingerprint = :fp, rolled_until = null, updated_at = now() "
                    + "where id = 1").param("fp", fingerprint).update();
            log.info("KPI formulas or settings changed: the daily rollup is computed again");
            return true;
        }
        Optional<LocalDate> dirty = jdbc.sql("""
                delete from kpi_rollup_dirty where day = (select min(day) from kpi_rollup_dirty) returning day
                """).query((rs, i) -> rs.getDate(1).toLocalDate()).optional();
        if (dirty.isPresent()) {
            roll(dirty.get(), definitions, settings);
            return true;
        }
        LocalDate next = state.rolledUntil();
        if (next == null) {
            Optional<Timestamp> first = jdbc.sql("select min(accepted_at) from kpi_order_fact").query(Timestamp.class)
                    .optional().filter(t -> t != null);
            if (first.isEmpty()) {
                return false;
            }
            next = LocalDate.ofInstant(first.get().toInstant(), BusinessTime.ZONE);
        }
        if (next.isAfter(settledDay(Instant.now(clock), settings))) {
            if (state.rolledUntil() == null) {
                setRolledUntil(next);
                return true;
            }
            return false;
        }
        // every refresh that read the old rolled_until has committed once this lock is ours; later ones wait
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", WATERMARK_LOCK).query(Object.class).single();
        setRolledUntil(next.plusDays(1));
        roll(next, definitions, settings);
        return true;
    }

    private void setRolledUntil(LocalDate day) {
        jdbc.sql("update kpi_rollup_state set rolled_until = :d, updated_at = now() where id = 1")
                .param("d", Date.valueOf(day)).update();
    }

    /** Computes one day's rollup rows again from the facts. */
    void roll(LocalDate day, List<KpiDefinition> definitions, Map<String, String> settings) {
        jdbc.sql("delete from kpi_rollup where day = :d").param("d", Date.valueOf(day)).update();
        jdbc.sql("delete from kpi_rollup_median where day = :d").param("d", Date.valueOf(day)).update();
        String n = definitions.stream().map(d -> Kpis.additivePart(d, true)).collect(Collectors.joining(", "));
        String dd = definitions.stream().map(d -> Kpis.additivePart(d, false)).collect(Collectors.joining(", "));
        Map<String, Object> params = new java.util.HashMap<>();
        Kpis.formulaParams(params, settings, null);
        params.put("from", Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant()));
        params.put("to", Timestamp.from(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()));
        params.put("day", Date.valueOf(day));
        for (Level level : Level.values()) {
            params.put("level", level.code);
            jdbc.sql("insert into kpi_rollup (level, day, anchor, unit_id, type, channel, category_code, staff, n, d) "
                    + "select :level, :day, a.anchor, " + level.columns + ", array[" + n + "]::numeric[], array["
                    + dd + "]::numeric[]" + Kpis.FACTS_IN_PERIOD + " group by a.anchor, " + level.groupBy)
                    .params(params).update();
            for (KpiDefinition d : definitions) {
                if (d.measure() != KpiDefinition.Measure.MEDIAN) {
                    continue;
                }
                params.put("kpi", d.name());
                jdbc.sql("insert into kpi_rollup_median (level, day, anchor, unit_id, type, channel, category_code, "
                        + "staff, kpi, vals) select :level, :day, a.anchor, " + level.columns + ", :kpi, array_agg("
                        + d.valueExpr() + ")" + Kpis.FACTS_IN_PERIOD + " and " + Kpis.counted(d)
                        + " group by a.anchor, " + level.groupBy).params(params).update();
            }
        }
    }
}
