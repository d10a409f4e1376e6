package org.gridcare.metering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A detected consumption anomaly: {@code kind} ZERO_RUN (days of zero consumption while a meter is in
 * service — a possible meter fault), SPIKE or DROP (a day beyond the customer's own normal range),
 * GAP (days in service without readings), REGISTER_REVERSAL (a register lower than the read before it).
 * {@code value} is the day's kWh (or the run's length in days), {@code expected} the normal value.
 */
record Anomaly(String kind, LocalDate from, LocalDate to, BigDecimal value, BigDecimal expected) {

    /** What {@link #key()} looks like: the kind and the first day, {@code ZERO_RUN-20240525}. */
    static final Pattern KEY = Pattern.compile("(ZERO_RUN|SPIKE|DROP|GAP|REGISTER_REVERSAL)-\\d{8}");

    /**
     * The anomaly's name within its customer: kind and first day. The first day, not the last, so that a zero
     * run or a gap that grows with new readings keeps its name (and its work order).
     */
    @JsonProperty("key")
    public String key() {
        return kind + "-" + from.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
