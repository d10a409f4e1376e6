package org.gridcare.staff;

import java.time.Instant;
import java.util.List;

import org.gridcare.workorder.WorkOrderType;

/**
 * Whom to give an order now: the field staff of the order's unit (and below, within the caller's scope) who are on
 * duty at {@code at}, have the skill for its type and category and are not blocked by a missing or expired
 * mandatory certificate — ranked by the fewest orders on hand, then the longest time left on shift. {@code passedOver}
 * says why the others were left out: NO_PROFILE, NO_SKILL, OFF_DUTY or CERTIFICATE.
 */
public record DispatchSuggestion(String orderNumber, WorkOrderType type, String categoryCode, Instant at,
                                 List<Candidate> candidates, List<PassedOver> passedOver) {

    public DispatchSuggestion {
        candidates = List.copyOf(candidates);
        passedOver = List.copyOf(passedOver);
    }

    /** A suggested person: their orders on hand and when their shift ends. */
    public record Candidate(int rank, long userId, String username, String displayName, Position position,
                            String teamCode, long openOrders, Instant onDutyUntil) {
    }

    /** A person left out and why. */
    public record PassedOver(long userId, String username, String displayName, String reason) {
    }
}
