package org.gridcare.sla;

import java.time.Instant;

/**
 * One clock of one order as the API shows it. {@code name} is one of FIRST_RESPONSE, DISPATCH,
 * ARRIVAL, RESTORATION, CONTACT, REPLY, RETURN_VISIT, CLOSE. {@code startedAt}, {@code metAt} are
 * null for a clock not started / not stopped; in a preview only name and dueAt (and startedAt) are set.
 */
public record ClockView(String name, Instant startedAt, Instant dueAt, long pausedSeconds, ClockState state,
                        Instant metAt) {
}
