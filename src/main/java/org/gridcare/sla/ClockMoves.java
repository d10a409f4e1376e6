package org.gridcare.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one order event acts on an order's running clocks (the rules listed on {@link SlaClockEngine}),
 * as a pure function of the clocks, their rules and the event. The engine applies it to the rows it
 * locked; {@link ClockReplay} applies it to a whole history in memory. One place for the rules.
 */
final class ClockMoves {

    private static final Set<String> ENDING_STATUSES = Set.of("CANCELLED", "MERGED");

    private ClockMoves() {
    }

    /**
     * What the event did: the clocks it changed (in the order given), those of them whose breach must be
     * raised now (stopped late and not raised before), the names still running, and whether the event may
     * start new clocks (not after the order was closed, cancelled or merged).
     */
    record Outcome(List<ClockRow> changed, List<ClockRow> breachesToRaise, Set<String> stillRunning,
                   boolean startsClocks) {
    }

    static Outcome apply(List<ClockRow> running, Map<Long, ClockRule> rulesById, OrderEvent event, String newStatus,
                         Instant at) {
        boolean ending = event == OrderEvent.CANCELLED || event == OrderEvent.MERGED
                || (newStatus != null && ENDING_STATUSES.contains(newStatus));
        boolean closing = event == OrderEvent.CLOSED || "CLOSED".equals(newStatus);
        List<ClockRow> changedRows = new ArrayList<>();
        List<ClockRow> breaches = new ArrayList<>();
        Set<String> stillRunning = new HashSet<>();
        for (ClockRow clock : running) {
            ClockRule rule = rulesById.get(clock.ruleId());
            ClockRow changed = clock;
            boolean stops = rule.stopsOn(event) || ending || closing;
            if (changed.paused() && (stops || !rule.pausesIn(newStatus))) {
                changed = changed.resumedAt(at);
            }
            if (rule.stopsOn(event) || (closing && !ending)) {
                changed = changed.stoppedAt(at);
                if (ClockRow.BREACHED.equals(changed.outcome()) && !clock.breachRaised()) {
                    breaches.add(changed);
                }
            } else if (ending) {
                changed = changed.voidedAt(at);
            } else if (!changed.paused() && rule.pausesIn(newStatus)) {
                changed = changed.pausedAt(at);
            }
            if (changed.running()) {
                stillRunning.add(changed.clockName());
            }
            if (!changed.equals(clock)) {
                changedRows.add(changed);
            }
        }
        return new Outcome(changedRows, breaches, stillRunning, !ending && !closing);
    }

    /** The rules (of those matching the order) whose clocks the event starts: not while one of that name runs. */
    static List<ClockRule> starting(Collection<ClockRule> rules, OrderEvent event, Set<String> running) {
        return rules.stream().filter(rule -> rule.startsOn(event) && !running.contains(rule.clockName())).toList();
    }
}
