package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridcare.shared.InvalidInputException.Violation;

/**
 * What a customer's archive says, as entered through the API, the console or a CSV row, before the
 * supply station is resolved. {@link #violations()} lists every broken field rule at once, so that a
 * form, a request and an import row report all their problems together.
 */
record CustomerContent(String number, String name, CustomerKind kind, VoltageLevel voltageLevel, String address,
                       List<String> phones, String idNumber, String tariffCode, BigDecimal capacityKva,
                       String unitCode, Set<CustomerFlag> flags) {

    static final Pattern NUMBER = Pattern.compile("[0-9]{10,13}");
    /** 18-digit resident ID (last may be X), old 15-digit ID, or the 18-character unified social credit code. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "[0-9]{17}[0-9X]|[0-9]{15}|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern TARIFF_CODE = Pattern.compile("[A-Z0-9_-]{1,30}");
    private static final BigDecimal MAX_CAPACITY = new BigDecimal("9999999999.99");
    static final int MAX_PHONES = 5;

    CustomerContent {
        number = trim(number);
        name = trim(name);
        address = trim(address);
        idNumber = upperOrNull(idNumber);
        tariffCode = upperOrNull(tariffCode);
        unitCode = trim(unitCode);
        List<String> normalised = new ArrayList<>();
        if (phones != null) {
            for (String phone : phones) {
                String p = trim(phone);
                if (p != null && !p.isEmpty()) {
                    normalised.add(Phones.normalise(p));
                }
            }
        }
        phones = List.copyOf(new LinkedHashSet<>(normalised));
        // a form's empty checkbox value binds as a null flag: no flag
        flags = flags == null ? Set.of()
                : flags.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (number == null || number.isEmpty()) {
            violations.add(new Violation("number", "validation.customer.number.required"));
        } else if (!NUMBER.matcher(number).matches()) {
            violations.add(new Violation("number", "validation.customer.number.pattern"));
        }
        if (name == null || name.isEmpty()) {
            violations.add(new Violation("name", "validation.customer.name.required"));
        } else if (name.length() > 100) {
            violations.add(new Violation("name", "validation.customer.name.length", 100));
        }
        if (kind == null) {
            violations.add(new Violation("kind", "validation.customer.kind.required"));
        }
        if (voltageLevel == null) {
            violations.add(new Violation("voltageLevel", "validation.customer.voltageLevel.required"));
        }
        if (address == null || address.isEmpty()) {
            violations.add(new Violation("address", "validation.customer.address.required"));
        } else if (address.length() > 200) {
            violations.add(new Violation("address", "validation.customer.address.length", 200));
        }
        if (phones.isEmpty()) {
            violations.add(new Violation("phone", "validation.customer.phone.required"));
        } else if (phones.size() > MAX_PHONES) {
            violations.add(new Violation("phone", "validation.customer.phone.tooMany", MAX_PHONES));
        } else {
            phones.stream().filter(p -> !Phones.valid(p)).findFirst().ifPresent(p ->
                    violations.add(new Violation("phone", "validation.customer.phone.pattern", p)));
        }
        if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
            violations.add(new Violation("idNumber", "validation.customer.idNumber.pattern"));
        }
        if (tariffCode != null && !TARIFF_CODE.matcher(tariffCode).matches()) {
            violations.add(new Violation("tariffCode", "validation.customer.tariffCode.pattern"));
        }
        if (capacityKva != null && (capacityKva.signum() < 0 || capacityKva.scale() > 2
                || capacityKva.compareTo(MAX_CAPACITY) > 0)) {
            violations.add(new Violation("capacityKva", "validation.customer.capacityKva.range"));
        }
        if (unitCode == null || unitCode.isEmpty()) {
            violations.add(new Violation("unitCode", "validation.customer.unitCode.required"));
        }
        return violations;
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static String upperOrNull(String value) {
        String v = trim(value);
        return v == null || v.isEmpty() ? null : v.toUpperCase(java.util.Locale.ROOT);
    }
}
