package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A detected consumption anomaly: {@code kind} ZERO_RUN (days of zero consumption while a meter is in
 * service — a possible meter fault), SPIKE or DROP (a day beyond the customer's own normal range),
 * GAP (days in service without readings), REGISTER_REVERSAL (a register lower than the read before it).
 * {@code value} is the day's kWh (or the run's length in days), {@code expected} the normal value.
 */
record Anomaly(String kind, LocalDate from, LocalDate to, BigDecimal value, BigDecimal expected) {
}
