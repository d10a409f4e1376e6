package org.gridcare.customer;

import java.time.YearMonth;

/**
 * A customer's supply contract changed from billing month {@code from} on; published inside the change's transaction,
 * so that what depends on the contract (the bills of months already billed) changes with it or not at all.
 */
public record ContractChanged(String customerNumber, long unitId, YearMonth from) {
}
