package org.gridcare.workorder;

/** How many open orders wait in each of a user's queues. */
public record QueueCounts(long mine, long team, long toDispatch, long toReview, long overdue, long warning) {
}
