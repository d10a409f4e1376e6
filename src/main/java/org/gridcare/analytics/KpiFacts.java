package org.gridcare.analytics;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridcare.shared.CommitWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The fact table {@code kpi_order_fact}, refreshed with one {@code insert … select … on conflict do update}
 * from the work order, SLA, complaint and quality modules' reporting views. The same statement serves one order
 * (its events), an id range (a bulk import) and a full rebuild, so the incremental and the bulk path cannot disagree.
 */
@Repository
class KpiFacts {

    private static final String COLUMNS = """
            order_id, number, unit_id, type, sub_type, channel, category_code, priority, area_type, created_by,
            handler, customer_number, status, repeat, reopened, repeated, accepted_at, first_response_at, replied_at,
            closed_at, arrived_at, restored_at, visit_required, visit_result, visited_at, breached, warned,
            all_clocks_met, arrival_due_at, arrival_met, complaint_category, complaint_grade, complaint_substantiated,
            complaint_appeal_accepted, inspected_at, quality_error, quality_serious, quality_score, refreshed_at""";

    /**
     * The upsert; a complaint's {@code category_code} is its case's category, as corrected by the investigation
     * (so the category filter, split and rollup count it there). The first {@code %s} is the SLA outcome of the source row {@code w}, the second the condition on
     * {@code w}. The outcome view groups the clocks by order: joined plainly, the planner aggregates the clocks of
     * every order and merges (right for a range); behind an {@code offset 0} fence it is a correlated subquery
     * whose {@code order_id} condition reaches the clock index (right for a few orders — for a list of ids the
     * plain join aggregated every clock in the table, 26–52 ms per new order at 16,000 clocks).
     */
    private static final String UPSERT = """
            insert into kpi_order_fact (%s)
            select w.order_id, w.number, w.unit_id, w.type, w.sub_type, w.channel,
                   coalesce(c.category_code, w.category_code), w.priority,
                   w.area_type, w.created_by, w.handler, w.customer_number, w.status, w.repeat, w.reopened, w.repeated,
                   w.accepted_at, w.first_response_at, w.replied_at, w.closed_at, w.arrived_at, w.restored_at,
                   w.visited_any or coalesce(s.return_visit_clock, false), w.visit_result, w.visited_at,
                   coalesce(s.breached, false), coalesce(s.warned, false), coalesce(s.all_met, true),
                   s.arrival_due_at, s.arrival_met, c.category_code, c.grade, coalesce(c.substantiated, false),
                   coalesce(c.appeal_accepted, false), q.inspected_at, q.confirmed_error, q.serious, q.score, now()
              from wo_kpi_source w
              left join lateral (%s) s on true
              left join lateral (select * from complaint_case_kpi k where k.order_id = w.order_id) c on true
              left join quality_order_result q on q.order_id = w.order_id
             where %s
            on conflict (order_id) do update set
                   number = excluded.number, unit_id = excluded.unit_id, type = excluded.type,
                   sub_type = excluded.sub_type, channel = excluded.channel, category_code = excluded.category_code,
                   priority = excluded.priority, area_type = excluded.area_type, created_by = excluded.created_by,
                   handler = excluded.handler, customer_number = excluded.customer_number, status = excluded.status,
                   repeat = excluded.repeat, reopened = excluded.reopened, repeated = excluded.repeated,
                   accepted_at = excluded.accepted_at, first_response_at = excluded.first_response_at,
                   replied_at = excluded.replied_at, closed_at = excluded.closed_at, arrived_at = excluded.arrived_at,
                   restored_at = excluded.restored_at, visit_required = excluded.visit_required,
                   visit_result = excluded.visit_result, visited_at = excluded.visited_at,
                   breached = excluded.breached, warned = excluded.warned, all_clocks_met = excluded.all_clocks_met,
                   arrival_due_at = excluded.arrival_due_at, arrival_met = excluded.arrival_met,
                   complaint_category = excluded.complaint_category, complaint_grade = excluded.complaint_grade,
                   complaint_substantiated = excluded.complaint_substantiated,
                   complaint_appeal_accepted = excluded.complaint_appeal_accepted,
                   inspected_at = excluded.inspected_at, quality_error = excluded.quality_error,
                   quality_serious = excluded.quality_serious, quality_score = excluded.quality_score,
                   refreshed_at = excluded.refreshed_at
            """;

    private static final String OUTCOME = "select * from sla_order_outcome o where o.order_id = w.order_id";

    /**
     * Wraps an upsert so that the same statement marks the rolled-up days it changes as dirty (see
     * {@link KpiRollup}): the days of every anchor moment of the affected facts before ({@code old}, read in the
     * statement's snapshot) and after the upsert ({@code upserted}), when they lie before the rollup's
     * {@code rolled_until}; a day not rolled up yet is read from the facts anyway.
     */
    private static String marking(String ids, String oldCondition, String upsert) {
        return marking(ids, oldCondition, upsert, "select count(*) from upserted");
    }

    /** As above, answering {@code result} (a query over the statement's CTEs). */
    private static String marking(String ids, String oldCondition, String upsert, String result) {
        String anchors = Arrays.stream(KpiDefinition.Anchor.values()).map(a -> "(x." + a.column() + ")")
                .collect(Collectors.joining(", "));
        String columns = Arrays.stream(KpiDefinition.Anchor.values()).map(KpiDefinition.Anchor::column)
                .collect(Collectors.joining(", "));
        return """
                with %s
                     old as (select %s from kpi_order_fact f where %s),
                     upserted as (%s returning %s),
                     marked as (insert into kpi_rollup_dirty (day)
                                select distinct (m.at at time zone 'Asia/Shanghai')::date
                                  from (select * from old union all select * from upserted) x
                                 cross join lateral (values %s) m(at)
                                 where m.at is not null
                                   and (m.at at time zone 'Asia/Shanghai')::date < (select coalesce(s.rolled_until,
                                           '-infinity'::date) from kpi_rollup_state s where s.id = 1)
                                on conflict do nothing)
                %s
                """.formatted(ids, columns, oldCondition, upsert, columns, anchors, result);
    }

    /**
     * The orders {@code :ids} and the orders they repeat (a new repeat order changes the {@code repeated} of the
     * order it repeats). No {@code repeat_of_id is not null} here: it would steer the planner to the partial
     * repeat index and a filter over every repeat order; a null in the array matches nothing.
     */
    private static final String SOME = marking("""
            ids as (select unnest(cast(:ids as bigint[])) as id
                    union
                    select r.repeat_of_id from wo_kpi_source r where r.order_id = any(cast(:ids as bigint[]))),""",
            "f.order_id = any(array(select id from ids))",
            UPSERT.formatted(COLUMNS, OUTCOME + " offset 0", "w.order_id = any(array(select id from ids))"));
    /**
     * The oldest {@code :batch} pending orders noted up to {@code :upTo}, taken off the queue and refreshed as
     * {@link #SOME} (the orders and those they repeat) in one statement, which answers how many notes it took.
     */
    private static final String PENDING = marking("""
            taken as (delete from kpi_fact_pending p
                       where p.id in (select q.id from kpi_fact_pending q where q.id <= :upTo order by q.id limit :batch)
                   returning p.order_id),
            ids as (select order_id as id from taken
                    union
                    select r.repeat_of_id from wo_kpi_source r where r.order_id = any(array(select order_id from taken))),""",
            "f.order_id = any(array(select id from ids))",
            UPSERT.formatted(COLUMNS, OUTCOME + " offset 0", "w.order_id = any(array(select id from ids))"),
            "select count(*) from taken");
    private static final String RANGE = marking("", "f.order_id between :first and :last",
            UPSERT.formatted(COLUMNS, OUTCOME, "w.order_id between :first and :last"));

    /** The advisory lock serialising refreshes ("kpi-fact"). */
    static final long REFRESH_LOCK = 0x6b70692d66616374L;

    private static final String ENQUEUE = "insert into kpi_fact_pending (order_id) select unnest(cast(:ids as bigint[]))";

    private final JdbcClient jdbc;
    private final CommitWrites endWrites;

    KpiFacts(JdbcClient jdbc, CommitWrites endWrites) {
        this.jdbc = jdbc;
        this.endWrites = endWrites;
    }

    /** Refreshes the facts of the orders {@code ids} and of the orders they repeat: one statement. */
    void refresh(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            lockForRefresh();
            jdbc.sql(SOME).param("ids", ids.toArray(Long[]::new)).query(Integer.class).single();
        }
    }

    /**
     * Notes the orders {@code ids} for a refresh after the current transaction commits: one statement, sent with the
     * transaction's other end writes (see {@link CommitWrites}).
     */
    void enqueueAtCommit(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            endWrites.add(ENQUEUE, Map.of("ids", ids.toArray(Long[]::new)));
        }
    }

    /** The newest pending note (0 when there is none): a catch-up refreshes the notes up to it. */
    long lastPending() {
        return jdbc.sql("select coalesce(max(id), 0) from kpi_fact_pending").query(Long.class).single();
    }

    /**
     * Refreshes the facts of the oldest {@code batch} orders noted up to note {@code upTo}, taking their notes off
     * the queue. Returns the notes taken: fewer than {@code batch} when no more were there.
     */
    int refreshPending(long upTo, int batch) {
        lockForRefresh();
        return jdbc.sql(PENDING).param("upTo", upTo).param("batch", batch).query(Integer.class).single();
    }

    /** Refreshes the facts of the orders with ids in {@code [first, last]}. */
    int refreshRange(long first, long last) {
        lockForRefresh();
        return jdbc.sql(RANGE).param("first", first).param("last", last).query(Integer.class).single();
    }

    /**
     * Taken (until the transaction ends) before every refresh: refreshes run one at a time, on every node, so that
     * a refresh that read older data never writes over the facts of a later one (the change of an order and the
     * refresh of its facts are no longer one transaction); and the rollup's watermark is held (shared), see
     * {@link KpiRollup}.
     */
    private void lockForRefresh() {
        jdbc.sql("select pg_advisory_xact_lock(:refresh), pg_advisory_xact_lock_shared(:watermark)")
                .param("refresh", REFRESH_LOCK).param("watermark", KpiRollup.WATERMARK_LOCK).query(Object.class)
                .single();
    }

    /** The smallest and largest order id, if there are orders. */
    Optional<long[]> orderIdRange() {
        Optional<Long> first = jdbc.sql("select order_id from wo_kpi_source order by order_id limit 1")
                .query(Long.class).optional();
        Optional<Long> last = jdbc.sql("select order_id from wo_kpi_source order by order_id desc limit 1")
                .query(Long.class).optional();
        return first.map(f -> new long[] {f, last.orElse(f)});
    }

    long count() {
        return jdbc.sql("select count(*) from kpi_order_fact").query(Long.class).single();
    }
}
