package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A partial change: absent (null) fields stay as they are; an empty {@code idNumber}, {@code tariffCode}
 * clears it. {@code phones} replaces all numbers; {@code phone} alone replaces the main number.
 * {@code version}, when given, must be the version the caller read.
 */
record CustomerChanges(String name, CustomerKind kind, VoltageLevel voltageLevel, String address, String phone,
                       List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                       String unitCode, Set<CustomerFlag> flags, Integer version) {

    CustomerContent applyTo(Customer customer, String currentUnitCode) {
        List<String> newPhones;
        if (phones != null) {
            newPhones = new ArrayList<>(phones);
            if (phone != null) {
                newPhones.add(0, phone);
            }
        } else if (phone != null) {
            newPhones = new ArrayList<>(customer.phones());
            newPhones.set(0, phone);
        } else {
            newPhones = customer.phones();
        }
        return new CustomerContent(customer.number(), or(name, customer.name()), or(kind, customer.kind()),
                or(voltageLevel, customer.voltageLevel()), or(address, customer.address()), newPhones,
                or(idNumber, customer.idNumber()), or(tariffCode, customer.tariffCode()),
                or(capacityKva, customer.capacityKva()), or(unitCode, currentUnitCode), or(flags, customer.flags()));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
