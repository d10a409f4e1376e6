package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A staff member's ledger (奖惩台账) for a period: the approved records (by the day their cause occurred, Asia/
 * Shanghai) and their totals; {@code pending} counts proposals still awaiting a manager. Performance scoring reads it
 * through {@link Incentives#ledger} or, for many staff at once, {@link Incentives#totals}.
 */
public record Ledger(String staff, LocalDate from, LocalDate to, int points, BigDecimal amount, int rewards,
                     int penalties, int pending, List<IncentiveRecord> entries) {

    /** The totals of one staff member. */
    public record Totals(String staff, int points, BigDecimal amount, int records) {
    }
}
