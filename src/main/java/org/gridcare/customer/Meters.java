package org.gridcare.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service points and meters of a customer. Rules: meter numbers are unique, the multiplier is
 * positive, a meter is not removed before it was installed, and a service point has at most one
 * active (not removed) meter — replacing a meter means recording the old one's removal first.
 */
@Service
class Meters {

    static final String ENTITY = "Meter";

    private final Customers customers;
    private final MeterRepository meters;
    private final AuditTrail audit;
    private final Clock clock;

    Meters(Customers customers, MeterRepository meters, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.meters = meters;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Meter> of(String customerNumber, Actor actor) {
        return meters.findByCustomer(customers.get(customerNumber, actor).id());
    }

    @Transactional
    public Meter install(String customerNumber, NewMeter command, Actor actor) {
        Customer customer = customers.get(customerNumber, actor);
        var violations = command.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (meters.meterNumberTaken(command.meterNumber())) {
            throw new ConflictException("error.meter.duplicateNumber", command.meterNumber());
        }
        long servicePoint = meters.servicePoint(customer.id(), command.servicePoint(), now());
        if (command.removedOn() == null) {
            meters.activeMeterAt(servicePoint).ifPresent(active -> {
                throw new ConflictException("error.meter.activeExists", command.servicePoint(), active);
            });
        }
        try {
            meters.insert(servicePoint, command, now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("error.meter.duplicateNumber", command.meterNumber());
        }
        audit.record("METER_INSTALLED", ENTITY, command.meterNumber(), "%s %s x%s at %s/%s from %s".formatted(
                command.type(), command.meterNumber(), command.multiplier().toPlainString(), customerNumber,
                command.servicePoint(), command.installedOn()));
        return meters.findByNumber(customer.id(), command.meterNumber()).orElseThrow();
    }

    @Transactional
    public Meter remove(String customerNumber, String meterNumber, LocalDate removedOn, Actor actor) {
        Customer customer = customers.get(customerNumber, actor);
        Meter meter = meters.findByNumber(customer.id(), meterNumber)
                .orElseThrow(() -> new NotFoundException(ENTITY, meterNumber));
        if (removedOn == null) {
            throw InvalidInputException.of("removedOn", "validation.meter.installedOn.required");
        }
        if (!meter.active()) {
            throw new ConflictException("error.meter.alreadyRemoved", meterNumber);
        }
        if (removedOn.isBefore(meter.installedOn())) {
            throw InvalidInputException.of("removedOn", "validation.meter.removedOn.beforeInstalled");
        }
        meters.markRemoved(meterNumber, removedOn);
        audit.record("METER_REMOVED", ENTITY, meterNumber, "removed on %s at %s".formatted(removedOn, customerNumber));
        return meters.findByNumber(customer.id(), meterNumber).orElseThrow();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
