package org.gridcare.billing;

import java.time.LocalDate;
import java.util.Optional;

import org.gridcare.customer.TariffCatalogue;
import org.springframework.stereotype.Component;

/** The tariff schedules as the customer module validates a supply-contract change against them. */
@Component
class CustomerTariffCatalogue implements TariffCatalogue {

    private final Tariffs tariffs;

    CustomerTariffCatalogue(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @Override
    public Optional<TariffFacts> inForce(String code, LocalDate day) {
        return tariffs.inForce(code, day).map(s -> new TariffFacts(code.strip(), s.twoPart()));
    }
}
