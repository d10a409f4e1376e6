package org.gridcare.workorder;

import java.time.Instant;

/**
 * What another module keeps about an order it derives its own records from (the complaint module opens a
 * complaint case per COMPLAINT order): ids, where it came in, its classification and flags. No personal data
 * beyond the customer number.
 */
public record OrderDigest(long orderId, String number, WorkOrderType type, Channel channel, String categoryCode,
                          long unitId, String customerNumber, boolean sensitive, boolean media,
                          boolean escalationRisk, Instant acceptedAt) {
}
