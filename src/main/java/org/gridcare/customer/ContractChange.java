package org.gridcare.customer;

/**
 * The body of {@code POST /api/v1/customers/{number}/contract-changes}: the new tariff code, the basic-charge basis
 * (CAPACITY or DEMAND; only for a two-part tariff), the first day of the billing month it takes effect from
 * (yyyy-MM-dd or yyyy-MM), why, and an optional reference such as the application order's number.
 */
public record ContractChange(String tariffCode, String basicChargeBasis, String effectiveFrom, String reason,
                             String reference) {
}
