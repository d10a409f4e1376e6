package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A customer of the archive. {@code phones} hold digits only (the first is the main contact number);
 * {@code unitId} is the supply station that serves the customer. {@code tariffCode} and {@code basicChargeBasis}
 * are the supply contract in force now ({@link SupplyContracts} keeps them current).
 */
record Customer(CustomerId id, String number, String name, CustomerKind kind, VoltageLevel voltageLevel,
                String address, List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                long unitId, Set<CustomerFlag> flags, int version, Instant createdAt, Instant updatedAt,
                ChargeBasis basicChargeBasis) {

    Customer {
        phones = List.copyOf(phones);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    String mainPhone() {
        return phones.get(0);
    }

    /** The same customer with new archive content; number, id and history stay. */
    Customer withContent(CustomerContent content, long newUnitId) {
        return new Customer(id, number, content.name(), content.kind(), content.voltageLevel(), content.address(),
                content.phones(), content.idNumber(), content.tariffCode(), content.capacityKva(), newUnitId,
                content.flags(), version, createdAt, updatedAt, basicChargeBasis);
    }
}
