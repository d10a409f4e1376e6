package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A customer to register. {@code phone} is the main contact number; {@code phones} may add more
 * (at most five in all).
 */
record NewCustomer(String number, String name, CustomerKind kind, VoltageLevel voltageLevel, String address,
                   String phone, List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                   String unitCode, Set<CustomerFlag> flags) {

    CustomerContent content() {
        List<String> all = new ArrayList<>();
        if (phone != null) {
            all.add(phone);
        }
        if (phones != null) {
            all.addAll(phones);
        }
        return new CustomerContent(number, name, kind, voltageLevel, address, all, idNumber, tariffCode, capacityKva,
                unitCode, flags);
    }
}
