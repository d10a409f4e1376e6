package org.gridcare.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One instance of one clock of one order, as stored. {@code outcome} is null while the clock runs.
 * A paused clock's due and warning moments move on by the paused time when it resumes.
 */
record ClockRow(long id, long orderId, String clockName, long ruleId, Instant startedAt, Instant dueAt,
                Instant warningAt, long pausedSeconds, Instant pausedSince, Instant stoppedAt, String outcome,
                boolean warningRaised, boolean breachRaised) {

    static final String MET = "MET";
    static final String BREACHED = "BREACHED";
    static final String VOID = "VOID";

    boolean running() {
        return stoppedAt == null;
    }

    boolean paused() {
        return running() && pausedSince != null;
    }

    /** Resumes a paused clock at {@code at}: the suspended time is added to the due and warning moments. */
    ClockRow resumedAt(Instant at) {
        if (!paused()) {
            return this;
        }
        Duration pause = Duration.between(pausedSince, at.isBefore(pausedSince) ? pausedSince : at);
        return new ClockRow(id, orderId, clockName, ruleId, startedAt, dueAt.plus(pause), warningAt.plus(pause),
                pausedSeconds + pause.toSeconds(), null, stoppedAt, outcome, warningRaised, breachRaised);
    }

    ClockRow pausedAt(Instant at) {
        return new ClockRow(id, orderId, clockName, ruleId, startedAt, dueAt, warningAt, pausedSeconds, at, stoppedAt,
                outcome, warningRaised, breachRaised);
    }

    /** Stops a (resumed) clock: MET when the stop came by the due time, BREACHED when late. */
    ClockRow stoppedAt(Instant at) {
        String verdict = at.isAfter(dueAt) ? BREACHED : MET;
        return new ClockRow(id, orderId, clockName, ruleId, startedAt, dueAt, warningAt, pausedSeconds, null, at,
                verdict, warningRaised, breachRaised || BREACHED.equals(verdict));
    }

    /** Ends a clock without a verdict (the order was cancelled or merged). */
    ClockRow voidedAt(Instant at) {
        return new ClockRow(id, orderId, clockName, ruleId, startedAt, dueAt, warningAt, pausedSeconds, null, at,
                VOID, warningRaised, breachRaised);
    }

    /** The state shown at {@code now}. */
    org.gridcare.sla.ClockState stateAt(Instant now) {
        if (!running()) {
            return switch (outcome) {
                case MET -> ClockState.MET;
                case BREACHED -> ClockState.BREACHED;
                // no verdict: the work ended because the order did (a breach already raised stays on the order)
                default -> ClockState.VOID;
            };
        }
        if (pausedSince != null) {
            return pausedSince.isAfter(dueAt) ? ClockState.BREACHED : ClockState.PAUSED;
        }
        if (!now.isBefore(dueAt)) {
            return ClockState.BREACHED;
        }
        return !now.isBefore(warningAt) ? ClockState.WARNING : ClockState.RUNNING;
    }

    ClockView viewAt(Instant now) {
        long paused = pausedSeconds + (paused() && now.isAfter(pausedSince)
                ? Duration.between(pausedSince, now).toSeconds() : 0);
        Instant metAt = running() || VOID.equals(outcome) ? null : stoppedAt;
        return new ClockView(clockName, startedAt, dueAt, paused, stateAt(now), metAt);
    }
}
