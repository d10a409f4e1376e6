package org.gridcare.standards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well the standards in force are kept: for each standard, the share of orders whose clocks defined by its
 * clauses all ended in time (from the sla module's reporting view {@code sla_order_standard_outcome}: the
 * standard versions of the rules of the order's met and breached clocks), by week and by unit (from the workorder
 * module's reporting view {@code wo_kpi_source}), within the caller's data scope. Inspection findings are not
 * counted yet: there is no inspection module.
 */
@Component
class Compliance {

    static final int MAX_WEEKS = 52;
    /** A unit needs this many judged orders to be ranked among the worst. */
    static final int MIN_ORDERS_TO_RANK = 5;

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Standards standards;
    private final Clock clock;

    Compliance(JdbcClient jdbc, OrgUnits units, Standards standards, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.standards = standards;
        this.clock = clock;
    }

    record Share(long judged, long met) {
        Double rate() {
            return judged == 0 ? null : Math.round(met * 10000.0 / judged) / 100.0;
        }
    }

    record Week(LocalDate week, long judged, long met, Double rate) {
    }

    record UnitShare(String unitCode, String unitName, long judged, long met, Double rate) {
    }

    record StandardCompliance(String code, String title, StandardCategory category, int versionNumber,
                              Instant effectiveFrom, int clockClauses, long judged, long met, Double rate,
                              List<Week> trend, List<UnitShare> worstUnits) {
    }

    record Dashboard(LocalDate from, LocalDate to, int weeks, List<StandardCompliance> standards) {
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Integer weeks, Actor actor) {
        int n = weeks == null ? 12 : weeks;
        if (n < 1 || n > MAX_WEEKS) {
            throw InvalidInputException.of("weeks", "standards.validation.weeks", 1, MAX_WEEKS);
        }
        LocalDate today = Instant.now(clock).atZone(BusinessTime.ZONE).toLocalDate();
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(n - 1L);
        LocalDate to = today.plusDays(1);
        Map<String, List<Row>> byCode = rows(from, to, units.scopeOf(actor));
        List<StandardCompliance> result = new ArrayList<>();
        for (Standards.InForce f : standards.inForce()) {
            result.add(summarise(f, byCode.getOrDefault(f.standard().code(), List.of())));
        }
        return new Dashboard(from, today, n, result);
    }

    /** The compliance of one standard between two days (inclusive), for the evaluation report. */
    @Transactional(readOnly = true)
    public Share of(String code, LocalDate from, LocalDate to, Actor actor) {
        List<Row> rows = rows(from, to.plusDays(1), units.scopeOf(actor)).getOrDefault(code, List.of());
        return new Share(rows.stream().mapToLong(Row::judged).sum(), rows.stream().mapToLong(Row::met).sum());
    }

    /**
     * The periodic evaluation of one standard: its compliance in the period, the acknowledgements of the version in
     * force and the complaints received in the units it binds (with repeats). Inspection findings are not available
     * until an inspection module exists ({@code inspectionFindings} is null).
     */
    record Evaluation(String code, String title, LocalDate from, LocalDate to, Integer versionNumber, long judged,
                      long met, Double rate, int bound, int acknowledged, int overdue, long complaints,
                      long repeatComplaints, Long inspectionFindings) {
    }

    @Transactional(readOnly = true)
    public Evaluation evaluation(String code, LocalDate from, LocalDate to, Actor actor) {
        LocalDate today = Instant.now(clock).atZone(BusinessTime.ZONE).toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "standards.validation.period");
        }
        if (start.plusYears(2).isBefore(end)) {
            throw InvalidInputException.of("to", "standards.validation.periodTooLong", 2);
        }
        Standard standard = standards.standard(code);
        StandardViews.Detail detail = standards.detail(code, actor);
        Share share = of(standard.code(), start, end, actor);
        long[] complaints = complaints(start, end, standards.boundUnits(standard), actor);
        StandardViews.AcknowledgementSummary acks = detail.acknowledgements();
        return new Evaluation(standard.code(), standard.title(), start, end, acks.versionNumber(), share.judged(),
                share.met(), share.rate(), acks.bound(), acks.acknowledged(), acks.overdue(), complaints[0],
                complaints[1], null);
    }

    /** Complaints accepted between two days in these units (null = all), and how many of them were repeats. */
    @Transactional(readOnly = true)
    public long[] complaints(LocalDate from, LocalDate to, Set<Long> boundUnits, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return jdbc.sql("""
                select count(*), count(*) filter (where k.repeat) from wo_kpi_source k
                where k.type = 'COMPLAINT' and k.accepted_at >= :from and k.accepted_at < :to
                  and (:all or k.unit_id = any(:units))
                  and (cast(:bound as bigint[]) is null or k.unit_id = any(:bound))
                """)
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .param("all", scope.all()).param("units", scope.unitIdArray())
                .param("bound", boundUnits == null ? null : boundUnits.toArray(Long[]::new))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private record Row(String code, long unitId, LocalDate week, long judged, long met) {
    }

    private Map<String, List<Row>> rows(LocalDate from, LocalDate to, DataScope scope) {
        List<Row> rows = jdbc.sql("""
                with per_order as (
                    select o.order_id, split_part(r.ref, ' ', 1) as code,
                           bool_or(r.ref = any(o.breached_standard_refs)) as breached
                      from sla_order_standard_outcome o
                     cross join lateral unnest(o.met_standard_refs || o.breached_standard_refs) as r(ref)
                     group by o.order_id, split_part(r.ref, ' ', 1))
                select p.code, k.unit_id,
                       date_trunc('week', k.accepted_at at time zone 'Asia/Shanghai')::date as week,
                       count(*) as judged, count(*) filter (where not p.breached) as met
                  from per_order p
                  join wo_kpi_source k on k.order_id = p.order_id
                 where k.accepted_at >= :from and k.accepted_at < :to and (:all or k.unit_id = any(:units))
                 group by 1, 2, 3
                """)
                .param("from", start(from)).param("to", start(to))
                .param("all", scope.all()).param("units", scope.unitIdArray())
                .query((rs, i) -> new Row(rs.getString("code"), rs.getLong("unit_id"),
                        rs.getDate("week").toLocalDate(), rs.getLong("judged"), rs.getLong("met")))
                .list();
        Map<String, List<Row>> byCode = new HashMap<>();
        rows.forEach(r -> byCode.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
        return byCode;
    }

    private StandardCompliance summarise(Standards.InForce f, List<Row> rows) {
        long judged = rows.stream().mapToLong(Row::judged).sum();
        long met = rows.stream().mapToLong(Row::met).sum();
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        Map<Long, long[]> byUnit = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] w = weeks.computeIfAbsent(r.week(), d -> new long[2]);
            w[0] += r.judged();
            w[1] += r.met();
            long[] u = byUnit.computeIfAbsent(r.unitId(), d -> new long[2]);
            u[0] += r.judged();
            u[1] += r.met();
        }
        List<Week> trend = weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1],
                new Share(e.getValue()[0], e.getValue()[1]).rate())).toList();
        List<UnitShare> worst = byUnit.entrySet().stream().filter(e -> e.getValue()[0] >= MIN_ORDERS_TO_RANK)
                .map(e -> {
                    OrgUnit unit = units.findById(new OrgUnitId(e.getKey())).orElse(null);
                    return new UnitShare(unit == null ? "#" + e.getKey() : unit.code(),
                            unit == null ? null : unit.name(), e.getValue()[0], e.getValue()[1],
                            new Share(e.getValue()[0], e.getValue()[1]).rate());
                })
                .sorted(Comparator.comparing(UnitShare::rate).thenComparing(UnitShare::judged,
                        Comparator.reverseOrder()))
                .limit(5).toList();
        return new StandardCompliance(f.standard().code(), f.standard().title(), f.standard().category(),
                f.version().number(), f.version().effectiveFrom(), f.clauses().clocks().size(), judged, met,
                new Share(judged, met).rate(), trend, worst);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant());
    }
}
