package org.gridcare.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The SLA engine as the work order module uses it. Every method joins the caller's transaction, so
 * a clock's due time is written together with the change that started it.
 *
 * <p>CONTRACT — implemented by the sla module (see issue #3): {@link #start} picks the policy version
 * in force at {@code at}, remembers it for the order (orders keep the policy version they started
 * with) and starts the clocks whose start event is ACCEPTED; {@link #record} stops the clocks whose
 * stop events include the event (MET, or BREACHED when late), starts the clocks whose start event it
 * is, and pauses/resumes clocks when {@code newStatus} enters/leaves a pause state (suspended time is
 * added back to the due time).
 */
public interface SlaClocks {

    /** Starts the clocks of a newly accepted order; returns the id of the policy version used. */
    default long start(long orderId, OrderProfile profile, Instant at) {
        return startAndShow(orderId, profile, at).policyVersionId();
    }

    /**
     * As {@link #start}, also returning the clocks as they stand at {@code at}, so that an intake need not read
     * back what it has just written. The order row itself may be written later in the same transaction.
     */
    Started startAndShow(long orderId, OrderProfile profile, Instant at);

    /** The policy version an order's clocks follow and its clocks right after the start. */
    record Started(long policyVersionId, List<ClockView> clocks) {
    }

    /** The start of a newly accepted order's clocks, for {@link #startAll}. */
    record Start(long orderId, OrderProfile profile, Instant at) {
    }

    /**
     * As {@link #startAndShow} for several orders at once (a group of intakes), in one statement rather than one per
     * order; the results are in the order of {@code starts}.
     */
    List<Started> startAll(List<Start> starts);

    /**
     * As {@link #startAll} for orders accepted in the current transaction (their ids new in it), without a round
     * trip of their own: the clocks are worked out now and written with the transaction's end writes
     * ({@link org.gridcare.shared.CommitWrites}), just before it commits. Nothing in the transaction may read or
     * change these clocks before then; a start that is not new fails the commit.
     */
    List<Started> startAllAtCommit(List<Start> starts);

    /** Applies an order event (with the order's status after it) to the order's clocks. */
    void record(long orderId, OrderEvent event, String newStatus, Instant at);

    /** The order's clocks, evaluated at {@code now} (a running clock past its threshold shows WARNING / BREACHED). */
    List<ClockView> clocksOf(long orderId, Instant now);

    /** The clocks (name, startedAt, dueAt) an order with this profile would get if accepted at {@code start}. */
    List<ClockView> preview(OrderProfile profile, Instant start);

    /**
     * The due time of the running (not stopped) clock {@code clockName} of each of these orders; an order
     * without such a clock is absent from the map. A paused clock's due time is the one it had when paused.
     */
    Map<Long, Instant> runningDueTimes(String clockName, Collection<Long> orderIds);

    /**
     * "N working days after {@code start}": the end (24:00 Asia/Shanghai) of the N-th working day after the
     * start day, by the working-day calendar — for deadlines other modules keep themselves.
     */
    Instant endOfWorkingDaysAfter(Instant start, int workingDays);
}
