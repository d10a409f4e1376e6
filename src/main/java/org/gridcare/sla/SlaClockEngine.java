package org.gridcare.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.shared.CommitWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of work orders. Every change joins the caller's transaction, so a clock row is
 * written together with the order change that started, paused or stopped it.
 *
 * <p>How an order event acts on the running clocks, in this order:
 * <ol>
 * <li>a paused clock resumes when the new status is not one of its pause states (the suspended
 *     time is added to its due and warning moments);</li>
 * <li>a clock whose stop events include the event stops: MET when on time, BREACHED when late
 *     (a late stop the scheduler has not seen yet raises the breach here, once);</li>
 * <li>CANCELLED and MERGED end every other running clock without a verdict (outcome and state VOID,
 *     counted neither as met nor as breached; a breach already raised stays on the order);</li>
 * <li>CLOSED judges every other running clock like a stop: closing the order ends the work;</li>
 * <li>a running clock pauses when the new status is one of its pause states (default SUSPENDED);</li>
 * <li>a clock whose start events include the event starts a new instance, unless a clock of that
 *     name is still running (so REOPENED restarts a REPLY that was met).</li>
 * </ol>
 */
@Service
class SlaClockEngine implements SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClockEngine.class);

    private final JdbcClient jdbc;
    private final SlaPolicies policies;
    private final WorkingCalendar calendar;
    private final DeadlineAlarms alarms;
    private final CommitWrites endWrites;

    SlaClockEngine(JdbcClient jdbc, SlaPolicies policies, WorkingCalendar calendar, DeadlineAlarms alarms,
                   CommitWrites endWrites) {
        this.jdbc = jdbc;
        this.endWrites = endWrites;
        this.policies = policies;
        this.calendar = calendar;
        this.alarms = alarms;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Started startAndShow(long orderId, OrderProfile profile, Instant at) {
        PolicyVersion version = policies.inForceAt(at);
        SlaOrder order = new SlaOrder(orderId, version.id(), profile);
        List<ClockRow> started = clocksToStart(order, OrderEvent.ACCEPTED, Set.of(), at);
        // the order row and its clocks in one statement: an intake's round trips are its cost
        StringBuilder sql = new StringBuilder("""
                with started as (
                    insert into sla_order (order_id, policy_version_id, order_type, sub_type, priority, area_type,
                                           channel, started_at)
                    values (:order, :version, :type, :subType, :priority, :area, :channel, :at)
                    on conflict (order_id) do nothing
                    returning order_id
                )""");
        Map<String, Object> params = new HashMap<>();
        if (!started.isEmpty()) {
            sql.append(", clocks as (insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, "
                    + "warning_at) select s.order_id, c.name, c.rule, c.started, c.due, c.warning from started s, ("
                    + clockValues(started, params) + ") c (name, rule, started, due, warning))");
        }
        sql.append(" select count(*) from started");
        params.put("order", orderId);
        params.put("version", version.id());
        params.put("type", profile.type());
        params.put("subType", profile.subType());
        params.put("priority", profile.priority());
        params.put("area", profile.areaType());
        params.put("channel", profile.channel());
        params.put("at", Timestamp.from(at));
        long inserted = jdbc.sql(sql.toString()).params(params).query(Long.class).single();
        if (inserted == 0) {
            // a repeated start (a retried request) keeps the first one
            return new Started(order(orderId).orElseThrow().versionId(), clocksOf(orderId, at));
        }
        return new Started(version.id(), started.stream().map(clock -> clock.viewAt(at)).toList());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Started> startAll(List<Start> starts) {
        if (starts.size() == 1) {
            Start start = starts.get(0);
            return List.of(startAndShow(start.orderId(), start.profile(), start.at()));
        }
        Batch batch = batch(starts);
        // the order rows and all their clocks in one statement, each column as an array
        List<Long> inserted = jdbc.sql("with started as (" + INSERT_ORDERS + """
                    on conflict (order_id) do nothing
                    returning order_id
                ), clocks as (
                """ + INSERT_CLOCKS + """
                )
                select order_id from started
                """).params(batch.parameters()).query(Long.class).list();
        List<Started> results = new ArrayList<>(batch.results());
        if (inserted.size() < starts.size()) {
            // a repeated start (a retried request) keeps the first one
            Set<Long> fresh = new HashSet<>(inserted);
            for (int i = 0; i < starts.size(); i++) {
                Start start = starts.get(i);
                if (!fresh.contains(start.orderId())) {
                    results.set(i, new Started(order(start.orderId()).orElseThrow().versionId(),
                            clocksOf(start.orderId(), start.at())));
                }
            }
        }
        return results;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Started> startAllAtCommit(List<Start> starts) {
        Batch batch = batch(starts);
        endWrites.expect();
        // no "on conflict": a start that is not new fails the commit rather than show clocks it did not write
        endWrites.add("with started as (" + INSERT_ORDERS + """
                    returning order_id
                )
                """ + INSERT_CLOCKS, batch.parameters());
        return batch.results();
    }

    /** Inserts the order rows of a batch (:orders ... :ats). */
    private static final String INSERT_ORDERS = """
                    insert into sla_order (order_id, policy_version_id, order_type, sub_type, priority, area_type,
                                           channel, started_at)
                    select * from unnest(cast(:orders as bigint[]), cast(:versions as bigint[]),
                                         cast(:types as varchar[]), cast(:subTypes as varchar[]),
                                         cast(:priorities as varchar[]), cast(:areas as varchar[]),
                                         cast(:channels as varchar[]), cast(:ats as timestamptz[]))
            """;

    /** Inserts the clocks of a batch (:clockOrders ... :warnings) for the orders of a {@code started} row set. */
    private static final String INSERT_CLOCKS = """
                    insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, warning_at)
                    select c.order_id, c.name, c.rule, c.started, c.due, c.warning
                      from unnest(cast(:clockOrders as bigint[]), cast(:names as varchar[]), cast(:rules as bigint[]),
                                  cast(:starts as timestamptz[]), cast(:dues as timestamptz[]),
                                  cast(:warnings as timestamptz[])) c (order_id, name, rule, started, due, warning)
                      join started s on s.order_id = c.order_id
            """;

    /** The rows of several starts, each column an array, with the clocks each start shows. */
    private record Batch(Map<String, Object> parameters, List<Started> results) {
    }

    private Batch batch(List<Start> starts) {
        int n = starts.size();
        Long[] orders = new Long[n];
        Long[] versions = new Long[n];
        String[] types = new String[n];
        String[] subTypes = new String[n];
        String[] priorities = new String[n];
        String[] areas = new String[n];
        String[] channels = new String[n];
        String[] ats = new String[n];
        List<ClockRow> clocks = new ArrayList<>();
        List<Started> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Start start = starts.get(i);
            PolicyVersion version = policies.inForceAt(start.at());
            List<ClockRow> started = clocksToStart(new SlaOrder(start.orderId(), version.id(), start.profile()),
                    OrderEvent.ACCEPTED, Set.of(), start.at());
            clocks.addAll(started);
            results.add(new Started(version.id(), started.stream().map(clock -> clock.viewAt(start.at())).toList()));
            orders[i] = start.orderId();
            versions[i] = version.id();
            types[i] = start.profile().type();
            subTypes[i] = start.profile().subType();
            priorities[i] = start.profile().priority();
            areas[i] = start.profile().areaType();
            channels[i] = start.profile().channel();
            ats[i] = start.at().toString();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("orders", orders);
        parameters.put("versions", versions);
        parameters.put("types", types);
        parameters.put("subTypes", subTypes);
        parameters.put("priorities", priorities);
        parameters.put("areas", areas);
        parameters.put("channels", channels);
        parameters.put("ats", ats);
        parameters.put("clockOrders", clocks.stream().map(ClockRow::orderId).toArray(Long[]::new));
        parameters.put("names", clocks.stream().map(ClockRow::clockName).toArray(String[]::new));
        parameters.put("rules", clocks.stream().map(ClockRow::ruleId).toArray(Long[]::new));
        parameters.put("starts", clocks.stream().map(clock -> clock.startedAt().toString()).toArray(String[]::new));
        parameters.put("dues", clocks.stream().map(clock -> clock.dueAt().toString()).toArray(String[]::new));
        parameters.put("warnings", clocks.stream().map(clock -> clock.warningAt().toString()).toArray(String[]::new));
        return new Batch(parameters, List.copyOf(results));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long orderId, OrderEvent event, String newStatus, Instant at) {
        Optional<SlaOrder> found = order(orderId);
        if (found.isEmpty()) {
            log.warn("SLA event {} for order {} that has no clocks (never started); ignored", event, orderId);
            return;
        }
        SlaOrder order = found.get();
        Map<Long, ClockRule> rulesById = new HashMap<>();
        policies.rules(order.versionId()).forEach(rule -> rulesById.put(rule.id(), rule));
        ClockMoves.Outcome moved = ClockMoves.apply(runningClocksForUpdate(orderId), rulesById, event, newStatus, at);
        for (ClockRow late : moved.breachesToRaise()) {
            alarms.breach(orderId, late.clockName(), late.dueAt(), at);
        }
        moved.changed().forEach(this::update);
        if (moved.startsClocks()) {
            startClocks(order, event, moved.stillRunning(), at);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClockView> clocksOf(long orderId, Instant now) {
        return jdbc.sql("select * from sla_clock where order_id = :order order by started_at, id")
                .param("order", orderId)
                .query(SlaClockEngine::row).list().stream()
                .map(clock -> clock.viewAt(now))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Instant> runningDueTimes(String clockName, Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> due = new HashMap<>();
        jdbc.sql("""
                select order_id, due_at from sla_clock
                 where order_id = any(:orders) and clock_name = :name and stopped_at is null
                """).param("orders", orderIds.toArray(Long[]::new)).param("name", clockName)
                .query((rs, i) -> due.put(rs.getLong("order_id"), rs.getTimestamp("due_at").toInstant())).list();
        return due;
    }

    @Override
    public Instant endOfWorkingDaysAfter(Instant start, int workingDays) {
        return calendar.workingDays().endOfWorkingDaysAfter(start, workingDays);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClockView> preview(OrderProfile profile, Instant start) {
        PolicyVersion version = policies.inForceAt(start);
        WorkingDays workingDays = calendar.workingDays();
        List<ClockView> clocks = new ArrayList<>();
        for (ClockRule rule : policies.clocksFor(version.id(), profile).values()) {
            if (rule.startsOn(OrderEvent.ACCEPTED)) {
                ClockRule.Deadline deadline = rule.deadlineFrom(start, workingDays);
                clocks.add(new ClockView(rule.clockName(), start, deadline.dueAt(), 0, ClockState.RUNNING, null));
            }
        }
        return clocks;
    }

    /** The policy version an order's clocks follow, if its clocks were started. */
    Optional<Long> policyVersionOf(long orderId) {
        return order(orderId).map(SlaOrder::versionId);
    }

    /** Starts the clocks of the rules that start on {@code event}, in one statement; returns them as written. */
    private List<ClockRow> startClocks(SlaOrder order, OrderEvent event, Set<String> running, Instant at) {
        List<ClockRow> started = clocksToStart(order, event, running, at);
        if (started.isEmpty()) {
            return started;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("order", order.orderId());
        jdbc.sql("insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, warning_at) "
                + "select :order, c.name, c.rule, c.started, c.due, c.warning from (" + clockValues(started, params)
                + ") c (name, rule, started, due, warning)").params(params).update();
        return started;
    }

    /** The clocks an event starts (not yet written): those whose start events include it and that do not run. */
    private List<ClockRow> clocksToStart(SlaOrder order, OrderEvent event, Set<String> running, Instant at) {
        List<ClockRow> started = new ArrayList<>();
        WorkingDays workingDays = null;
        for (ClockRule rule : ClockMoves.starting(policies.clocksFor(order.versionId(), order.profile()).values(),
                event, running)) {
            if (workingDays == null) {
                workingDays = calendar.workingDays();
            }
            ClockRule.Deadline deadline = rule.deadlineFrom(at, workingDays);
            started.add(new ClockRow(0, order.orderId(), rule.clockName(), rule.id(), at, deadline.dueAt(),
                    deadline.warningAt(), 0, null, null, null, false, false));
        }
        return started;
    }

    /** {@code values (…), (…)} of the clocks' name, rule, start, due and warning moments, typed. */
    private static String clockValues(List<ClockRow> clocks, Map<String, Object> params) {
        StringBuilder values = new StringBuilder("values ");
        for (int i = 0; i < clocks.size(); i++) {
            ClockRow clock = clocks.get(i);
            values.append(i == 0 ? "" : ", ").append("(cast(:name").append(i).append(" as varchar), cast(:rule")
                    .append(i).append(" as bigint), cast(:started").append(i).append(" as timestamptz), cast(:due")
                    .append(i).append(" as timestamptz), cast(:warning").append(i).append(" as timestamptz))");
            params.put("name" + i, clock.clockName());
            params.put("rule" + i, clock.ruleId());
            params.put("started" + i, Timestamp.from(clock.startedAt()));
            params.put("due" + i, Timestamp.from(clock.dueAt()));
            params.put("warning" + i, Timestamp.from(clock.warningAt()));
        }
        return values.toString();
    }

    private Optional<SlaOrder> order(long orderId) {
        return jdbc.sql("select * from sla_order where order_id = :order")
                .param("order", orderId)
                .query((rs, n) -> new SlaOrder(rs.getLong("order_id"), rs.getLong("policy_version_id"),
                        new OrderProfile(rs.getString("order_type"), rs.getString("sub_type"), rs.getString("priority"),
                                rs.getString("area_type"), rs.getString("channel"))))
                .optional();
    }

    private List<ClockRow> runningClocksForUpdate(long orderId) {
        return jdbc.sql("select * from sla_clock where order_id = :order and stopped_at is null order by id for update")
                .param("order", orderId)
                .query(SlaClockEngine::row).list();
    }

    private void update(ClockRow clock) {
        jdbc.sql("""
                update sla_clock set due_at = :due, warning_at = :warning, paused_seconds = :paused,
                    paused_since = :pausedSince, stopped_at = :stopped, outcome = :outcome,
                    warning_raised = :warningRaised, breach_raised = :breachRaised
                where id = :id
                """)
                .param("due", Timestamp.from(clock.dueAt()))
                .param("warning", Timestamp.from(clock.warningAt()))
                .param("paused", clock.pausedSeconds())
                .param("pausedSince", timestamp(clock.pausedSince()))
                .param("stopped", timestamp(clock.stoppedAt()))
                .param("outcome", clock.outcome())
                .param("warningRaised", clock.warningRaised())
                .param("breachRaised", clock.breachRaised())
                .param("id", clock.id())
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static ClockRow row(ResultSet rs, int n) throws SQLException {
        return new ClockRow(rs.getLong("id"), rs.getLong("order_id"), rs.getString("clock_name"), rs.getLong("rule_id"),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warning_at"), rs.getLong("paused_seconds"),
                instant(rs, "paused_since"), instant(rs, "stopped_at"), rs.getString("outcome"),
                rs.getBoolean("warning_raised"), rs.getBoolean("breach_raised"));
    }

    private record SlaOrder(long orderId, long versionId, OrderProfile profile) {
    }
}
