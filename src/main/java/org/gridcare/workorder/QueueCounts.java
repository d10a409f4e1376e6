package org.gridcare.workorder;

/**
 * How many open orders wait in each of a user's queues. Each count is exact up to {@link #CAP} and equals
 * it beyond ("at least"): a province-wide queue must not be counted row by row on every refresh.
 */
public record QueueCounts(long mine, long team, long toDispatch, long toReview, long overdue, long warning) {

    /** Queue badges and list totals count exactly up to this many rows. */
    public static final int CAP = 1_000;

    /** A count as a badge shows it: {@code 1000+} at the cap. */
    public String label(long count) {
        return count >= CAP ? CAP + "+" : Long.toString(count);
    }
}
