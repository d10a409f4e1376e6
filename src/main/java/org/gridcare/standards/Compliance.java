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
 * How well the standards in force are kept, within the caller's data scope. For each standard: the share of orders
 * whose clocks defined by its clauses all ended in time (from the sla module's reporting view
 * {@code sla_order_standard_outcome}: the standard versions of the rules of the order's met and breached clocks),
 * by week and by unit (from the workorder module's reporting view {@code wo_kpi_source}); and next to it the share
 * of inspected orders meeting its rubric clauses — scored against a rubric version that came from the standard
 * without a confirmed error (from the quality module's reporting view {@code quality_order_result}), by week of
 * inspection. The evaluation report adds the standing findings of those inspections per item
 * ({@code quality_standing_finding}).
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

    /** One week: orders judged on the SLA clauses and orders inspected against the rubric clauses. */
    record Week(LocalDate week, long judged, long met, Double rate, long inspected, long inspectionMet,
                Double inspectionRate) {
    }

    record UnitShare(String unitCode, String unitName, long judged, long met, Double rate) {
    }

    /**
     * judged/met/rate: the SLA share; inspected/inspectionMet/inspectionRate: the share of inspected orders without
     * a confirmed error against a rubric of the standard (rubricClauses: the order types it has a rubric for).
     */
    record StandardCompliance(String code, String title, StandardCategory category, int versionNumber,
                              Instant effectiveFrom, int clockClauses, long judged, long met, Double rate,
                              int rubricClauses, long inspected, long inspectionMet, Double inspectionRate,
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
        DataScope scope = units.scopeOf(actor);
        Map<String, List<Row>> byCode = rows(from, to, scope);
        Map<String, List<Row>> inspections = inspectionRows(from, to, scope);
        List<StandardCompliance> result = new ArrayList<>();
        for (Standards.InForce f : standards.inForce()) {
            result.add(summarise(f, byCode.getOrDefault(f.standard().code(), List.of()),
                    inspections.getOrDefault(f.standard().code(), List.of())));
        }
        return new Dashboard(from, today, n, result);
    }

    /** The compliance of one standard between two days (inclusive), for the evaluation report. */
    @Transactional(readOnly = true)
    public Share of(String code, LocalDate from, LocalDate to, Actor actor) {
        return share(rows(from, to.plusDays(1), units.scopeOf(actor)).getOrDefault(code, List.of()));
    }

    /** The inspected orders of one standard's rubrics between two days (inclusive) and how many had no error. */
    @Transactional(readOnly = true)
    public Share inspectionsOf(String code, LocalDate from, LocalDate to, Actor actor) {
        return share(inspectionRows(from, to.plusDays(1), units.scopeOf(actor)).getOrDefault(code, List.of()));
    }

    private static Share share(List<Row> rows) {
        return new Share(rows.stream().mapToLong(Row::judged).sum(), rows.stream().mapToLong(Row::met).sum());
    }

    /** A rubric item failed in inspections (findings that stand), how often. */
    record Finding(String orderType, String itemCode, String itemName, String itemNameEn, String severity,
                   long count) {
    }

    /**
     * The periodic evaluation of one standard: its compliance in the period (SLA clauses; rubric clauses from the
     * inspections), the acknowledgements of the version in force, the complaints received in the units it binds
     * (with repeats) and the inspection findings that stand against its rubrics ({@code inspectionFindings} in
     * all, {@code seriousFindings} of them serious, the most frequent in {@code findings}).
     */
    record Evaluation(String code, String title, LocalDate from, LocalDate to, Integer versionNumber, long judged,
                      long met, Double rate, int bound, int acknowledged, int overdue, long complaints,
                      long repeatComplaints, long inspected, long inspectionMet, Double inspectionRate,
                      long inspectionFindings, long seriousFindings, List<Finding> findings) {
    }

    /** The most frequent findings listed in an evaluation. */
    static final int MAX_FINDINGS = 10;

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
        Share inspections = inspectionsOf(standard.code(), start, end, actor);
        long[] complaints = complaints(start, end, standards.boundUnits(standard), actor);
        List<Finding> findings = findings(standard.code(), start, end, units.scopeOf(actor));
        StandardViews.AcknowledgementSummary acks = detail.acknowledgements();
        return new Evaluation(standard.code(), standard.title(), start, end, acks.versionNumber(), share.judged(),
                share.met(), share.rate(), acks.bound(), acks.acknowledged(), acks.overdue(), complaints[0],
                complaints[1], inspections.judged(), inspections.met(), inspections.rate(),
                findings.stream().mapToLong(Finding::count).sum(),
                findings.stream().filter(f -> "SERIOUS_ERROR".equals(f.severity())).mapToLong(Finding::count).sum(),
                findings.stream().limit(MAX_FINDINGS).toList());
    }

    /** Every standing finding against the standard's rubrics in the period, most frequent first. */
    private List<Finding> findings(String code, LocalDate from, LocalDate to, DataScope scope) {
        String prefix = code + " v";
        return jdbc.sql("""
                select f.order_type, f.item_code, min(f.item_name) as item_name, min(f.item_name_en) as item_name_en,
                       f.severity, count(*) as n
                  from quality_standing_finding f
                 where left(f.rubric_standard_ref, length(:prefix)) = :prefix
                   and f.inspected_at >= :from and f.inspected_at < :to and (:all or f.unit_id = any(:units))
                 group by f.order_type, f.item_code, f.severity
                 order by n desc, f.order_type, f.item_code
                """)
                .param("prefix", prefix).param("from", start(from)).param("to", start(to.plusDays(1)))
                .param("all", scope.all()).param("units", scope.unitIdArray())
                .query((rs, i) -> new Finding(rs.getString("order_type"), rs.getString("item_code"),
                        rs.getString("item_name"), rs.getString("item_name_en"), rs.getString("severity"),
                        rs.getLong("n")))
                .list();
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

    /**
     * The orders of the period and scope, each with its standards' outcome read for that order alone (the view's
     * qualifier on its group key is pushed down to the order's clocks). Joining the view as a whole instead made the
     * plan depend on the statistics: right after a bulk load, before anything was analysed, PostgreSQL took the
     * period's orders for one row and aggregated every clock of every order once per order of the period — the
     * dashboard of the freshly seeded demo company did not answer within minutes (qa/README.md).
     */
    private Map<String, List<Row>> rows(LocalDate from, LocalDate to, DataScope scope) {
        List<Row> rows = jdbc.sql("""
                select p.code, k.unit_id,
                       date_trunc('week', k.accepted_at at time zone 'Asia/Shanghai')::date as week,
                       count(*) as judged, count(*) filter (where not p.breached) as met
                  from wo_kpi_source k
                 cross join lateral (
                     select split_part(r.ref, ' ', 1) as code, bool_or(r.ref = any(o.breached_standard_refs)) as breached
                       from sla_order_standard_outcome o
                      cross join lateral unnest(o.met_standard_refs || o.breached_standard_refs) as r(ref)
                      where o.order_id = k.order_id
                      group by 1) p
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

    /**
     * Inspected orders per standard, unit and week of inspection: those scored against a rubric version that came
     * from one of the standard's versions, and those of them without a confirmed error.
     */
    private Map<String, List<Row>> inspectionRows(LocalDate from, LocalDate to, DataScope scope) {
        List<Row> rows = jdbc.sql("""
                select split_part(q.rubric_standard_ref, ' ', 1) as code, q.unit_id,
                       date_trunc('week', q.inspected_at at time zone 'Asia/Shanghai')::date as week,
                       count(*) as judged, count(*) filter (where not q.confirmed_error) as met
                  from quality_order_result q
                 where q.rubric_standard_ref is not null and q.inspected_at >= :from and q.inspected_at < :to
                   and (:all or q.unit_id = any(:units))
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

    private StandardCompliance summarise(Standards.InForce f, List<Row> rows, List<Row> inspections) {
        long judged = rows.stream().mapToLong(Row::judged).sum();
        long met = rows.stream().mapToLong(Row::met).sum();
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        Map<Long, long[]> byUnit = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] w = weeks.computeIfAbsent(r.week(), d -> new long[4]);
            w[0] += r.judged();
            w[1] += r.met();
            long[] u = byUnit.computeIfAbsent(r.unitId(), d -> new long[2]);
            u[0] += r.judged();
            u[1] += r.met();
        }
        for (Row r : inspections) {
            long[] w = weeks.computeIfAbsent(r.week(), d -> new long[4]);
            w[2] += r.judged();
            w[3] += r.met();
        }
        Share inspected = share(inspections);
        List<Week> trend = weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1],
                new Share(e.getValue()[0], e.getValue()[1]).rate(), e.getValue()[2], e.getValue()[3],
                new Share(e.getValue()[2], e.getValue()[3]).rate())).toList();
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
                new Share(judged, met).rate(), f.clauses().rubrics().size(), inspected.judged(), inspected.met(),
                inspected.rate(), trend, worst);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant());
    }
}
