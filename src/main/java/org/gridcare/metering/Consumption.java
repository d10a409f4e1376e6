package org.gridcare.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gridcare.customer.CustomerDirectory;
import org.gridcare.customer.CustomerSummary;
import org.gridcare.customer.MeterDirectory;
import org.gridcare.customer.MeterSummary;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's consumption series within the caller's data scope: the customer's meters (in service
 * or removed) from the archive, their readings from this module.
 */
@Service
class Consumption {

    /** Longest series: ~3 years of days, 10 years of months. */
    static final int MAX_DAYS = 1100;
    static final int MAX_MONTHS = 120;

    private final CustomerDirectory customers;
    private final MeterDirectory meters;
    private final OrgUnits units;
    private final ConsumptionReadings readings;
    private final Clock clock;

    Consumption(CustomerDirectory customers, MeterDirectory meters, OrgUnits units, ConsumptionReadings readings,
                Clock clock) {
        this.customers = customers;
        this.meters = meters;
        this.units = units;
        this.readings = readings;
        this.clock = clock;
    }

    /** A customer in the caller's scope with its meters; 404 otherwise. */
    record Metered(CustomerSummary customer, List<MeterSummary> meters, DataScope scope) {
    }

    Metered metered(String customerNumber, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        CustomerSummary customer = customers.find(customerNumber, scope)
                .orElseThrow(() -> new NotFoundException("Customer", customerNumber));
        return new Metered(customer, meters.ofCustomer(customer.number(), scope), scope);
    }

    @Transactional(readOnly = true)
    public List<SeriesPoint> series(String customerNumber, LocalDate from, LocalDate to, String granularity, Actor actor) {
        Granularity unit = granularity(granularity);
        Range range = range(from, to, unit);
        Metered metered = metered(customerNumber, actor);
        return readings.series(metered.meters(), range.from(), range.to(), unit);
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("granularity", "metering.validation.granularity", value);
        }
    }

    /** An inclusive range of days; without bounds the last 12 months up to today. */
    record Range(LocalDate from, LocalDate to) {
    }

    Range range(LocalDate from, LocalDate to, Granularity unit) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        LocalDate start = from != null ? from : end.minusMonths(12).plusDays(1);
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "metering.validation.fromAfterTo", start, end);
        }
        if (unit == Granularity.DAY && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw InvalidInputException.of("to", "metering.validation.rangeTooLong", MAX_DAYS);
        }
        if (unit == Granularity.MONTH && ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
            throw InvalidInputException.of("to", "metering.validation.rangeTooLongMonths", MAX_MONTHS);
        }
        return new Range(start, end);
    }
}
