package org.gridcare.customer;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A customer as billing sees it: the tariff code and basic-charge basis of the supply contract in force now, the
 * contracted capacity (kVA), the supply station, every meter (in service or removed) whose readings make the
 * customer's consumption, and the contract's effective-dated terms (oldest first; empty when the contract never
 * changed) so that each month is priced on the contract in force in that month ({@link #termIn}).
 */
public record BillingAccount(String number, String name, String kind, long unitId, String tariffCode,
                             BigDecimal capacityKva, List<MeterSummary> meters, ChargeBasis basis,
                             List<ContractTerm> terms) {

    public BillingAccount {
        meters = List.copyOf(meters);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public BillingAccount(String number, String name, String kind, long unitId, String tariffCode,
                          BigDecimal capacityKva, List<MeterSummary> meters) {
        this(number, name, kind, unitId, tariffCode, capacityKva, meters, null, List.of());
    }

    /** The tariff and basis in force in the month: the latest term starting by then, else the contract now. */
    public Contract termIn(YearMonth month) {
        return termIn(terms, month, tariffCode, basis);
    }

    /** {@link #termIn(YearMonth)} over a customer's terms (oldest first) and the archive's contract now. */
    static Contract termIn(List<ContractTerm> terms, YearMonth month, String tariffCode, ChargeBasis basis) {
        ContractTerm found = null;
        for (ContractTerm term : terms) {
            if (term.startsBy(month)) {
                found = term;
            }
        }
        if (found == null && !terms.isEmpty()) {
            // the history starts after the month: the earliest term is the closest thing to what was in force
            found = terms.get(0);
        }
        return found == null ? new Contract(tariffCode, basis) : new Contract(found.tariffCode(), found.basis());
    }

    /** The contract of one month: its tariff code and basic-charge basis (null: none agreed). */
    public record Contract(String tariffCode, ChargeBasis basis) {
    }
}
