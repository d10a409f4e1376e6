package org.gridcare.customer;

import java.time.LocalDate;
import java.util.Optional;

/**
 * CONTRACT — what the customer module needs to know about tariffs to validate a supply-contract change, implemented
 * by the billing module (which owns the tariff schedules and depends on this module, so the dependency points this
 * way round).
 */
public interface TariffCatalogue {

    /** The tariff with this code as in force on that day; empty when there is no such tariff or no version then. */
    Optional<TariffFacts> inForce(String code, LocalDate day);

    /** @param twoPart whether the tariff has a basic charge (两部制), i.e. whether a basic-charge basis applies */
    record TariffFacts(String code, boolean twoPart) {
    }
}
