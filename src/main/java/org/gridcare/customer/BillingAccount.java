package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer as billing sees it: the tariff code and contracted capacity (kVA) of the archive, the supply
 * station, and every meter (in service or removed) whose readings make the customer's consumption.
 */
public record BillingAccount(String number, String name, String kind, long unitId, String tariffCode,
                             BigDecimal capacityKva, List<MeterSummary> meters) {

    public BillingAccount {
        meters = List.copyOf(meters);
    }
}
