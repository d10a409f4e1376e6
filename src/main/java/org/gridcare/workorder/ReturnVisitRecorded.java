package org.gridcare.workorder;

import java.time.Instant;
import java.util.Set;

/**
 * One return-visit attempt was recorded on an order, by an agent or by the customer through a self-rating
 * link. {@code finalVisit} is true when the attempt ended the visit (a verdict, a refusal, or the last
 * unreachable attempt); {@code score} is the customer's 1–5 rating for self-ratings, else null.
 */
public record ReturnVisitRecorded(long orderId, String number, WorkOrderType type, long unitId, VisitResult result,
                                  Set<VisitAspect> aspects, int attempt, boolean finalVisit, VisitSource source,
                                  Integer score, String visitor, Instant at) {

    /** Who recorded the visit. */
    public enum VisitSource { AGENT, SELF_RATING }
}
