package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An inspection was scored, or an appeal against it was decided: its confirmed {@code error} / {@code serious}
 * and {@code score} are as given. {@code orderId} is null for a spot check; {@code staff} may be null for a spot
 * check of a whole hall. {@code errorBefore}: whether it counted as an error before this change (false on scoring).
 */
public record InspectionResultChanged(long inspectionId, InspectionKind kind, Long orderId, String orderNumber,
                                      String staff, long unitId, boolean error, boolean serious, boolean errorBefore,
                                      BigDecimal score, boolean appealDecided, Instant at) {
}
