package org.gridcare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One clock of a policy version: which orders it applies to (a null match value means any), which
 * order events start and stop it, how long it runs, when it warns and in which order statuses it
 * pauses. {@code assumed} marks a default for which no official text was found; {@code standardRef} names the
 * service standard version the rule was published from ("GC-TS-001 v2"), if any.
 */
record ClockRule(Long id, long versionId, String clockName, String orderType, String subType, String priority,
                 String areaType, String channel, Set<OrderEvent> startEvents, Set<OrderEvent> stopEvents,
                 int amount, DurationUnit unit, int warningPercent, Set<String> pauseStates, boolean assumed,
                 String note, String source, String standardRef) {

    static final int DEFAULT_WARNING_PERCENT = 80;

    ClockRule {
        startEvents = Set.copyOf(startEvents);
        stopEvents = Set.copyOf(stopEvents);
        pauseStates = Set.copyOf(pauseStates);
    }

    boolean matches(OrderProfile profile) {
        return matches(orderType, profile.type()) && matches(subType, profile.subType())
                && matches(priority, profile.priority()) && matches(areaType, profile.areaType())
                && matches(channel, profile.channel());
    }

    /** Whether every order {@code other} gives its clock also gets a clock of this name from this rule's match. */
    boolean covers(ClockRule other) {
        return clockName.equals(other.clockName) && matches(orderType, other.orderType)
                && matches(subType, other.subType) && matches(priority, other.priority)
                && matches(areaType, other.areaType) && matches(channel, other.channel);
    }

    /** The clock and its match, for people: {@code ARRIVAL (FAULT_REPAIR · RURAL)}. */
    String describe() {
        List<String> match = new ArrayList<>();
        for (String value : new String[] {orderType, subType, priority, areaType, channel}) {
            if (value != null) {
                match.add(value);
            }
        }
        return match.isEmpty() ? clockName : clockName + " (" + String.join(" · ", match) + ")";
    }

    /**
     * How specific the rule is; for each clock name the most specific matching rule wins. Match
     * values weigh type > sub-type > priority > area type > channel, so two different rules never tie.
     */
    int specificity() {
        return (orderType != null ? 16 : 0) + (subType != null ? 8 : 0) + (priority != null ? 4 : 0)
                + (areaType != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    boolean startsOn(OrderEvent event) {
        return startEvents.contains(event);
    }

    boolean stopsOn(OrderEvent event) {
        return stopEvents.contains(event);
    }

    boolean pausesIn(String status) {
        return status != null && pauseStates.contains(status);
    }

    /** When a clock of this rule started at {@code start} is due, and when it warns. */
    Deadline deadlineFrom(Instant start, WorkingDays calendar) {
        Instant due = unit.dueAfter(start, amount, calendar);
        long spanMillis = Duration.between(start, due).toMillis();
        Instant warning = start.plusMillis(spanMillis * warningPercent / 100);
        return new Deadline(warning, due);
    }

    /** The same rule in another (new) policy version. */
    ClockRule inVersion(long newVersionId) {
        return new ClockRule(null, newVersionId, clockName, orderType, subType, priority, areaType, channel,
                startEvents, stopEvents, amount, unit, warningPercent, pauseStates, assumed, note, source, standardRef);
    }

    /** The same rule as a clause of the standard version {@code ref}. */
    ClockRule fromStandard(String ref) {
        return new ClockRule(id, versionId, clockName, orderType, subType, priority, areaType, channel,
                startEvents, stopEvents, amount, unit, warningPercent, pauseStates, assumed, note, source, ref);
    }

    /** The match key: two rules of one version may not share it. */
    String key() {
        return String.join("|", clockName, Objects.toString(orderType, "*"), Objects.toString(subType, "*"),
                Objects.toString(priority, "*"), Objects.toString(areaType, "*"), Objects.toString(channel, "*"));
    }

    private static boolean matches(String ruleValue, String orderValue) {
        return ruleValue == null || ruleValue.equals(orderValue);
    }

    /** A clock's warning and due moments. */
    record Deadline(Instant warningAt, Instant dueAt) {
    }
}
