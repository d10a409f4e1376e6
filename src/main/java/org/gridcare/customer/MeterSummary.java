package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A meter as other modules (metering) see it: its database id, which readings are stored against, the
 * customer it measures, the multiplier (倍率) that turns its register differences into consumption,
 * and the days it was in service ({@code removedOn} null while it still is).
 */
public record MeterSummary(long meterId, String meterNumber, String customerNumber, String type,
                           BigDecimal multiplier, LocalDate installedOn, LocalDate removedOn) {

    /** Whether the meter was in service on that day (installation and removal days included). */
    public boolean inServiceOn(LocalDate day) {
        return !day.isBefore(installedOn) && (removedOn == null || !day.isAfter(removedOn));
    }
}
