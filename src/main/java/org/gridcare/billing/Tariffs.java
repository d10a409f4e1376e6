package org.gridcare.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tariff schedules as other modules and the pages read them. */
@Service
public class Tariffs {

    private final TariffRepository repository;

    Tariffs(TariffRepository repository) {
        this.repository = repository;
    }

    /** Every tariff with its versions; real ones first, examples after, by code. */
    @Transactional(readOnly = true)
    public List<Tariff> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Tariff> find(String code) {
        return code == null ? Optional.empty() : all().stream().filter(t -> t.code().equals(code.strip())).findFirst();
    }

    /** The version of the tariff in force on that day. */
    @Transactional(readOnly = true)
    public Optional<TariffSchedule> inForce(String code, LocalDate day) {
        return find(code).flatMap(t -> t.inForceOn(day));
    }

    /** Everything pricing needs, read once: the tariffs and the power-factor table. */
    @Transactional(readOnly = true)
    TariffBook book() {
        return new TariffBook(repository.all(), new PowerFactorTable(repository.powerFactorTable()));
    }
}
