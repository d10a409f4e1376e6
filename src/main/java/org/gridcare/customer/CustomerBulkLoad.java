package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BulkCopy;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many new customers with their meters at once (the demo company, benchmark volumes): the same field
 * rules as the API and the CSV import ({@link CustomerContent#violations()}, {@link NewMeter#violations()}), the
 * caller's data scope for the supply stations, all rows checked before any is written (a violation names
 * {@code customers[i].field}; nothing is saved), then written with COPY. Existing numbers are refused, not
 * overwritten. One audit record for the load, and {@link CustomerRegistered} for every customer.
 */
@Service
public class CustomerBulkLoad {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CustomerRepository customers;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerBulkLoad(JdbcClient jdbc, DataSource dataSource, CustomerRepository customers, OrgUnits units,
                     AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.customers = customers;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A customer to register; enum values by name (kind RESIDENTIAL, voltageLevel AC220V, flags IMPORTANT). */
    public record NewCustomerRow(String number, String name, String kind, String voltageLevel, String address,
                                 List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                                 String unitCode, Set<String> flags, List<NewMeterRow> meters) {
    }

    /** A meter of that customer, at its first service point; type by name (SINGLE_PHASE, …). */
    public record NewMeterRow(String meterNumber, String type, BigDecimal multiplier, LocalDate installedOn) {
    }

    /** Whether the archive holds any customer at all. */
    @Transactional(readOnly = true)
    public boolean anyCustomer() {
        return jdbc.sql("select exists(select 1 from customer)").query(Boolean.class).single();
    }

    /** Registers every row, or none; returns how many. */
    @Transactional
    public int register(List<NewCustomerRow> rows, Actor actor) {
        if (rows.isEmpty()) {
            return 0;
        }
        DataScope scope = units.scopeOf(actor);
        List<Violation> violations = new ArrayList<>();
        Map<String, Long> unitIds = new HashMap<>();
        List<CustomerContent> contents = new ArrayList<>(rows.size());
        List<List<NewMeter>> meters = new ArrayList<>(rows.size());
        Set<String> numbers = new HashSet<>();
        Set<String> meterNumbers = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            NewCustomerRow row = rows.get(i);
            String prefix = "customers[" + i + "].";
            CustomerContent content = new CustomerContent(row.number(), row.name(),
                    parse(CustomerKind.class, row.kind(), prefix + "kind", "validation.customer.kind.unknown", violations),
                    parse(VoltageLevel.class, row.voltageLevel(), prefix + "voltageLevel",
                            "validation.customer.voltageLevel.unknown", violations),
                    row.address(), row.phones(), row.idNumber(), row.tariffCode(), row.capacityKva(), row.unitCode(),
                    flags(row.flags(), prefix + "flags", violations));
            content.violations().forEach(v -> violations.add(new Violation(prefix + v.field(), v.messageCode(),
                    v.arguments())));
            if (content.number() != null && !numbers.add(content.number())) {
                violations.add(new Violation(prefix + "number", "error.customer.duplicateNumber",
                        content.number()));
            }
            if (content.unitCode() != null && !unitIds.containsKey(content.unitCode())) {
                units.findByCode(content.unitCode()).filter(u -> scope.includes(u.id().value()))
                        .map(OrgUnit::id).ifPresentOrElse(id -> unitIds.put(content.unitCode(), id.value()),
                                () -> violations.add(new Violation(prefix + "unitCode",
                                        "validation.orgUnit.unknown", content.unitCode())));
            }
            List<NewMeter> own = new ArrayList<>();
            List<NewMeterRow> given = row.meters() == null ? List.of() : row.meters();
            for (int m = 0; m < given.size(); m++) {
                NewMeterRow meterRow = given.get(m);
                String meterPrefix = prefix + "meters[" + m + "].";
                NewMeter meter = new NewMeter(meterRow.meterNumber(),
                        parse(MeterType.class, meterRow.type(), meterPrefix + "type", "validation.meter.type.required",
                                violations),
                        meterRow.multiplier(), meterRow.installedOn(), null, null);
                meter.violations().forEach(v -> violations.add(new Violation(meterPrefix + v.field(),
                        v.messageCode(), v.arguments())));
                if (meter.meterNumber() != null && !meterNumbers.add(meter.meterNumber())) {
                    violations.add(new Violation(meterPrefix + "meterNumber", "error.meter.duplicateNumber",
                            meter.meterNumber()));
                }
                own.add(meter);
            }
            contents.add(content);
            meters.add(own);
            if (violations.size() > 100) {
                break;
            }
        }
        List<String> all = new ArrayList<>(numbers);
        for (int from = 0; from < all.size() && violations.isEmpty(); from += 5000) {
            customers.unitsOfExisting(all.subList(from, Math.min(all.size(), from + 5000))).keySet()
                    .forEach(number -> violations.add(new Violation("customers.number",
                            "error.customer.duplicateNumber", number)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        write(contents, meters, unitIds, Instant.now(clock));
        audit.record("CUSTOMER_IMPORTED", Customers.ENTITY, "bulk",
                "%d customers registered in bulk".formatted(contents.size()));
        for (CustomerContent content : contents) {
            events.publishEvent(new CustomerRegistered(content.number(), unitIds.get(content.unitCode())));
        }
        return contents.size();
    }

    private void write(List<CustomerContent> contents, List<List<NewMeter>> meters, Map<String, Long> unitIds,
                       Instant now) {
        List<Long> ids = nextIds("customer_id_seq", contents.size());
        int pointCount = (int) meters.stream().filter(m -> !m.isEmpty()).count();
        List<Long> pointIds = nextIds("service_point_id_seq", pointCount);
        BulkCopy customerRows = BulkCopy.into("customer", "id, number, name, kind, voltage_level, address, phones, "
                + "phone_digits, id_number, tariff_code, capacity_kva, unit_id, flags, version, created_at, updated_at");
        BulkCopy pointRows = BulkCopy.into("service_point", "id, customer_id, code, created_at");
        BulkCopy meterRows = BulkCopy.into("meter",
                "service_point_id, meter_number, type, multiplier, installed_on, created_at");
        int point = 0;
        for (int i = 0; i < contents.size(); i++) {
            CustomerContent c = contents.get(i);
            long id = ids.get(i);
            customerRows.cells(id, c.number(), c.name(), c.kind(), c.voltageLevel(), c.address(), c.phones(),
                    String.join(" ", c.phones()), c.idNumber(), c.tariffCode(), c.capacityKva(),
                    unitIds.get(c.unitCode()), c.flags().stream().map(Enum::name).sorted().toList(), 0, now, now)
                    .endRow();
            List<NewMeter> own = meters.get(i);
            if (own.isEmpty()) {
                continue;
            }
            long pointId = pointIds.get(point++);
            pointRows.cells(pointId, id, NewMeter.DEFAULT_SERVICE_POINT, now).endRow();
            // one service point holds one active meter: the rest are recorded at further points
            for (int m = 0; m < own.size(); m++) {
                NewMeter meter = own.get(m);
                long at = pointId;
                if (m > 0) {
                    at = nextIds("service_point_id_seq", 1).get(0);
                    pointRows.cells(at, id, "SP%02d".formatted(m + 1), now).endRow();
                }
                meterRows.cells(at, meter.meterNumber(), meter.type(), meter.multiplier(), meter.installedOn(), now)
                        .endRow();
            }
        }
        customerRows.copy(dataSource);
        pointRows.copy(dataSource);
        meterRows.copy(dataSource);
    }

    private List<Long> nextIds(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(cast(:seq as regclass)) from generate_series(1, :n) order by 1")
                .param("seq", sequence).param("n", count).query(Long.class).list();
    }

    private static Set<CustomerFlag> flags(Set<String> names, String field, List<Violation> violations) {
        Set<CustomerFlag> flags = EnumSet.noneOf(CustomerFlag.class);
        if (names != null) {
            for (String name : names) {
                CustomerFlag flag = parse(CustomerFlag.class, name, field, "validation.customer.flag.unknown", violations);
                if (flag != null) {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String code,
                                               List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, code, value));
            return null;
        }
    }
}
