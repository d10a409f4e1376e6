package org.gridcare.workorder;

import java.time.Instant;
import java.util.Set;

import org.gridcare.workorder.ReturnVisitRecorded.VisitSource;

/** One recorded return-visit attempt on an order, as the order page and the API show it. */
public record VisitAttempt(int attempt, VisitResult result, Set<VisitAspect> aspects, String comment, Integer score,
                           VisitSource source, boolean finalVisit, String visitor, Instant at) {
}
