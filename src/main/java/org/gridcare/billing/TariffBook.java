package org.gridcare.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A snapshot of the tariffs and the power-factor table, read once for a quote or a whole bill run. */
record TariffBook(Map<String, Tariff> tariffs, PowerFactorTable powerFactors) {

    TariffBook(List<Tariff> all, PowerFactorTable powerFactors) {
        this(all.stream().collect(Collectors.toUnmodifiableMap(Tariff::code, Function.identity())), powerFactors);
    }

    Optional<Tariff> tariff(String code) {
        return Optional.ofNullable(code == null ? null : tariffs.get(code.strip()));
    }
}
