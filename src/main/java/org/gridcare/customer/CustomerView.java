package org.gridcare.customer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gridcare.organisation.OrgUnit;

/** A customer as the API and the console show it: personal data as the {@link Disclosure} allows. */
record CustomerView(String number, String name, CustomerKind kind, VoltageLevel voltageLevel, String address,
                    String phone, List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                    String unitCode, String unitName, Set<CustomerFlag> flags, boolean masked, int version,
                    Instant createdAt, Instant updatedAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) ChargeBasis basicChargeBasis) {

    static CustomerView of(Customer customer, OrgUnit unit, Disclosure disclosure) {
        return new CustomerView(customer.number(), customer.name(), customer.kind(), customer.voltageLevel(),
                disclosure.address(customer.address()), disclosure.phone(customer.mainPhone()),
                disclosure.phones(customer.phones()), disclosure.idNumber(customer.idNumber()),
                customer.tariffCode(), customer.capacityKva(), unit.code(), unit.name(),
                new TreeSet<>(customer.flags()), !disclosure.unmasked(), customer.version(), customer.createdAt(),
                customer.updatedAt(), customer.basicChargeBasis());
    }
}
