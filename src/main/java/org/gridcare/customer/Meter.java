package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An electricity meter at a service point (计量点); active until it has a removal date. {@link #active()} is public for the templates (SpEL calls only public methods). */
record Meter(String servicePoint, String meterNumber, MeterType type, BigDecimal multiplier,
             LocalDate installedOn, LocalDate removedOn) {

    public boolean active() {
        return removedOn == null;
    }
}
