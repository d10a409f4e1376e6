package org.gridcare.standards;

import java.util.List;

import org.gridcare.sla.ClockClause;

/**
 * The machine-readable part of a version: SLA clocks (become a policy version of the sla module when published)
 * and required reply elements per order type (become the workorder module's reply requirements).
 */
public record Clauses(List<ClockClause> clocks, List<ReplyClause> replyElements) {

    public Clauses {
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        replyElements = replyElements == null ? List.of() : List.copyOf(replyElements);
    }

    static Clauses none() {
        return new Clauses(List.of(), List.of());
    }

    boolean isEmpty() {
        return clocks.isEmpty() && replyElements.isEmpty();
    }

    /** A reply to an order of {@code orderType} must contain the element: one of its keywords. */
    public record ReplyClause(String orderType, String code, String label, List<String> keywords) {

        public ReplyClause {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}
