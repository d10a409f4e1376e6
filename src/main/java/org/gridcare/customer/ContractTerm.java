package org.gridcare.customer;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One term of a customer's supply contract (供用电合同): the tariff and — for a two-part tariff — the basic-charge
 * basis in force from the billing month {@code from} until the next term's month. {@code from} is null for the
 * archive's own contract ("since the customer was registered"); {@code basis} null means none was agreed (billing
 * then counts a two-part customer's basic charge on capacity when the archive has one, else on demand).
 */
public record ContractTerm(YearMonth from, String tariffCode, ChargeBasis basis, String reason, String reference,
                           String createdBy, Instant createdAt) {

    /** Whether this term is in force in the month (it starts in or before it). */
    public boolean startsBy(YearMonth month) {
        return from == null || !from.isAfter(month);
    }
}
