package org.gridcare.workorder;

import java.util.EnumSet;
import java.util.Set;

import org.gridcare.shared.InvalidInputException;
import org.gridcare.workorder.ReturnVisitRecorded.VisitSource;

/**
 * One visit attempt as entered. The aspects say what the customer was not satisfied with, so they belong only
 * to a DISSATISFIED or BASICALLY_SATISFIED verdict; an agent must name at least one for DISSATISFIED (the
 * customer rating through a link may leave them out).
 */
record VisitInput(VisitResult result, Set<VisitAspect> aspects, String comment, Integer score, VisitSource source) {

    /** The visitor recorded for a self-rating. */
    static final String CUSTOMER = "customer";
    static final int MAX_COMMENT = 2000;

    VisitInput {
        aspects = aspects == null || aspects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(aspects));
        comment = WorkOrder.blankToNull(comment);
    }

    /** From {@code POST /api/v1/work-orders/{number}/visit} {@code {version, result, comment, aspects}}. */
    static VisitInput of(ActionRequest request) {
        String name = WorkOrder.blankToNull(request.result());
        if (name == null) {
            throw InvalidInputException.of("result", "validation.workOrder.required");
        }
        VisitResult result;
        try {
            result = VisitResult.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("result", "validation.workOrder.unknownVisitResult", name);
        }
        return new VisitInput(result, request.aspects(), request.comment(), null, VisitSource.AGENT);
    }

    static VisitInput selfRating(VisitResult result, int score, String comment) {
        return new VisitInput(result, Set.of(), comment, score, VisitSource.SELF_RATING);
    }

    void check() {
        if (result == null) {
            throw InvalidInputException.of("result", "validation.workOrder.required");
        }
        boolean judged = result == VisitResult.DISSATISFIED || result == VisitResult.BASICALLY_SATISFIED;
        if (!aspects.isEmpty() && !judged) {
            throw InvalidInputException.of("aspects", "validation.workOrder.aspectsNotForResult", result);
        }
        if (result == VisitResult.DISSATISFIED && aspects.isEmpty() && source == VisitSource.AGENT) {
            throw InvalidInputException.of("aspects", "validation.workOrder.aspectsRequired");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw InvalidInputException.of("comment", "validation.workOrder.tooLong", MAX_COMMENT);
        }
    }
}
