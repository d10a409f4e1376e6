package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A record entered by hand (a training result, a substantiated complaint, anything else): the staff member, the
 * cause and its reference, when it occurred (now when absent); points and amount default to the cause's rule and
 * must be given for OTHER.
 */
public record NewIncentive(String staffUsername, CauseType causeType, String causeRef, Instant occurredAt,
                           Integer points, BigDecimal amount, String note) {
}
