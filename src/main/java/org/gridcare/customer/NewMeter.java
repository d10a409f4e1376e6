package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gridcare.shared.InvalidInputException.Violation;

/**
 * A meter to record for a customer. {@code servicePoint} names the service point (created on first
 * use; {@value #DEFAULT_SERVICE_POINT} when absent). A meter given with {@code removedOn} is history.
 */
record NewMeter(String meterNumber, MeterType type, BigDecimal multiplier, LocalDate installedOn,
                LocalDate removedOn, String servicePoint) {

    static final String DEFAULT_SERVICE_POINT = "SP01";
    private static final Pattern METER_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern SERVICE_POINT = Pattern.compile("[A-Za-z0-9-]{1,20}");

    NewMeter {
        meterNumber = meterNumber == null ? null : meterNumber.strip();
        servicePoint = servicePoint == null || servicePoint.isBlank() ? DEFAULT_SERVICE_POINT : servicePoint.strip();
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (meterNumber == null || meterNumber.isEmpty()) {
            violations.add(new Violation("meterNumber", "validation.meter.number.required"));
        } else if (!METER_NUMBER.matcher(meterNumber).matches()) {
            violations.add(new Violation("meterNumber", "validation.meter.number.pattern"));
        }
        if (type == null) {
            violations.add(new Violation("type", "validation.meter.type.required"));
        }
        if (multiplier == null || multiplier.signum() <= 0 || multiplier.scale() > 2
                || multiplier.compareTo(new BigDecimal("99999999")) > 0) {
            violations.add(new Violation("multiplier", "validation.meter.multiplier.positive"));
        }
        if (installedOn == null) {
            violations.add(new Violation("installedOn", "validation.meter.installedOn.required"));
        } else if (removedOn != null && removedOn.isBefore(installedOn)) {
            violations.add(new Violation("removedOn", "validation.meter.removedOn.beforeInstalled"));
        }
        if (!SERVICE_POINT.matcher(servicePoint).matches()) {
            violations.add(new Violation("servicePoint", "validation.meter.servicePoint.pattern"));
        }
        return violations;
    }
}
