package org.gridcare.standards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gridcare.sla.ClockClause;

/**
 * The machine-readable part of a version: SLA clocks (become a policy version of the sla module when published),
 * required reply elements per order type (become the workorder module's reply requirements) and inspection rubric
 * items per order type (become a rubric version of the quality module, one per order type).
 */
public record Clauses(List<ClockClause> clocks, List<ReplyClause> replyElements, List<RubricClause> rubrics) {

    public Clauses {
        clocks = copy(clocks);
        replyElements = copy(replyElements);
        rubrics = copy(rubrics);
    }

    /** An unmodifiable copy that keeps null entries: the checks name them instead of failing here. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static Clauses none() {
        return new Clauses(List.of(), List.of(), List.of());
    }

    boolean isEmpty() {
        return clocks.isEmpty() && replyElements.isEmpty() && rubrics.isEmpty();
    }

    /** A reply to an order of {@code orderType} must contain the element: one of its keywords. */
    public record ReplyClause(String orderType, String code, String label, List<String> keywords) {

        public ReplyClause {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * The inspection rubric of one order type (at most one per version): its weighted items. {@code title} is the
     * rubric version's title (blank: the standard's title and version).
     */
    public record RubricClause(String orderType, String title, List<RubricItem> items) {

        public RubricClause {
            items = copy(items);
        }
    }

    /** One rubric item: code ({@code [A-Z0-9_]}), name (中文), English name, points and severity (ERROR, SERIOUS_ERROR). */
    public record RubricItem(String code, String name, String nameEn, String description, BigDecimal points,
                             String severity) {
    }
}
