package org.gridcare.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.gridcare.shared.BulkCopy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of bulk-loaded historic orders. For each order it replays the event history through the same
 * rules as the live engine ({@link ClockMoves}, the policy version in force at acceptance, the working-day
 * calendar, pauses) and writes the resulting clocks with COPY, in the caller's transaction. Alarms that came
 * due before {@code asOf} count as raised (the scheduler does not raise them again), and the order's SLA
 * mark is returned so the work order module can store it, as the live alarms would have set it.
 */
@Service
public class ClockReplay {

    private final SlaPolicies policies;
    private final WorkingCalendar calendar;
    private final DataSource dataSource;

    ClockReplay(SlaPolicies policies, WorkingCalendar calendar, DataSource dataSource) {
        this.policies = policies;
        this.calendar = calendar;
        this.dataSource = dataSource;
    }

    /** One order's history: its profile, when it was accepted, and every later event in time order. */
    public record History(long orderId, OrderProfile profile, Instant acceptedAt, List<Event> events) {
    }

    /** An order event with the order's status after it, as {@link SlaClocks#record} hears it. */
    public record Event(OrderEvent event, String newStatus, Instant at) {
    }

    /** The policy version the order follows and its SLA mark: NONE, WARNING or BREACHED. */
    public record Replayed(long orderId, long policyVersionId, String slaState) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Replayed> replay(List<History> histories, Instant asOf) {
        List<PolicyVersion> versions = policies.versions().stream()
                .sorted(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparing(PolicyVersion::number)
                        .reversed())
                .toList();
        WorkingDays workingDays = calendar.workingDays();
        Map<Long, Map<Long, ClockRule>> rulesByVersion = new HashMap<>();
        for (PolicyVersion version : versions) {
            Map<Long, ClockRule> byId = new HashMap<>();
            policies.rules(version.id()).forEach(rule -> byId.put(rule.id(), rule));
            rulesByVersion.put(version.id(), byId);
        }
        Map<String, List<ClockRule>> clocksByProfile = new ConcurrentHashMap<>();
        // each order's clocks depend on its own history only: computed in parallel, written in order
        List<Computed> computed = histories.parallelStream().map(history -> {
            PolicyVersion version = versions.stream().filter(v -> !v.effectiveFrom().isAfter(history.acceptedAt()))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no SLA policy version in force at " + history.acceptedAt()));
            OrderProfile profile = history.profile();
            List<ClockRule> rules = clocksByProfile.computeIfAbsent(version.id() + "|" + profile,
                    key -> List.copyOf(policies.clocksFor(version.id(), profile).values()));
            List<ClockRow> rows = replay(history, rules, rulesByVersion.get(version.id()), workingDays).stream()
                    .map(row -> alarmsRaisedBy(row, asOf)).toList();
            String state = "NONE";
            for (ClockRow row : rows) {
                state = worse(state, row.breachRaised() ? "BREACHED" : row.warningRaised() ? "WARNING" : "NONE");
            }
            return new Computed(history, version.id(), rows, state);
        }).toList();
        BulkCopy orders = BulkCopy.into("sla_order",
                "order_id, policy_version_id, order_type, sub_type, priority, area_type, channel, started_at");
        BulkCopy clocks = BulkCopy.into("sla_clock", "order_id, clock_name, rule_id, started_at, due_at, warning_at, "
                + "paused_seconds, paused_since, stopped_at, outcome, warning_raised, breach_raised");
        List<Replayed> replayed = new ArrayList<>(histories.size());
        for (Computed c : computed) {
            History history = c.history();
            OrderProfile profile = history.profile();
            for (ClockRow row : c.rows()) {
                clocks.cells(history.orderId(), row.clockName(), row.ruleId(), row.startedAt(), row.dueAt(),
                        row.warningAt(), row.pausedSeconds(), row.pausedSince(), row.stoppedAt(), row.outcome(),
                        row.warningRaised(), row.breachRaised()).endRow();
            }
            orders.cells(history.orderId(), c.versionId(), profile.type(), profile.subType(), profile.priority(),
                    profile.areaType(), profile.channel(), history.acceptedAt()).endRow();
            replayed.add(new Replayed(history.orderId(), c.versionId(), c.slaState()));
        }
        orders.copy(dataSource);
        clocks.copy(dataSource);
        return replayed;
    }

    private record Computed(History history, long versionId, List<ClockRow> rows, String slaState) {
    }

    /** Every clock instance of the order after its whole history, in start order. */
    private static List<ClockRow> replay(History history, List<ClockRule> rules, Map<Long, ClockRule> rulesById,
                                         WorkingDays workingDays) {
        List<ClockRow> all = new ArrayList<>();
        List<ClockRow> running = new ArrayList<>();
        start(history.orderId(), ClockMoves.starting(rules, OrderEvent.ACCEPTED, Set.of()), history.acceptedAt(),
                workingDays, all, running);
        for (Event event : history.events()) {
            ClockMoves.Outcome moved = ClockMoves.apply(running, rulesById, event.event(), event.newStatus(),
                    event.at());
            for (ClockRow changed : moved.changed()) {
                int index = (int) changed.id();
                all.set(index, changed);
                running.removeIf(row -> row.id() == changed.id());
                if (changed.running()) {
                    running.add(changed);
                }
            }
            running.sort(Comparator.comparingLong(ClockRow::id));
            if (moved.startsClocks()) {
                start(history.orderId(), ClockMoves.starting(rules, event.event(), moved.stillRunning()), event.at(),
                        workingDays, all, running);
            }
        }
        return all;
    }

    /** Starts clocks; a row's id is its index in {@code all} until the database gives it a real one. */
    private static void start(long orderId, List<ClockRule> rules, Instant at, WorkingDays workingDays,
                              List<ClockRow> all, List<ClockRow> running) {
        for (ClockRule rule : rules) {
            ClockRule.Deadline deadline = rule.deadlineFrom(at, workingDays);
            ClockRow row = new ClockRow(all.size(), orderId, rule.clockName(), rule.id(), at, deadline.dueAt(),
                    deadline.warningAt(), 0, null, null, null, false, false);
            all.add(row);
            running.add(row);
        }
    }

    /**
     * The alarm flags as the scheduler would have left them at {@code asOf}: a warning or breach moment that
     * passed while the clock ran (and was not paused) was raised.
     */
    private static ClockRow alarmsRaisedBy(ClockRow row, Instant asOf) {
        if (row.paused()) {
            return row;
        }
        Instant end = row.running() ? asOf : row.stoppedAt();
        boolean warning = row.warningRaised() || !end.isBefore(row.warningAt());
        boolean breach = row.breachRaised() || (row.running() ? !end.isBefore(row.dueAt()) : end.isAfter(row.dueAt()));
        return new ClockRow(row.id(), row.orderId(), row.clockName(), row.ruleId(), row.startedAt(), row.dueAt(),
                row.warningAt(), row.pausedSeconds(), row.pausedSince(), row.stoppedAt(), row.outcome(), warning,
                breach);
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("NONE", "WARNING", "BREACHED");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}
