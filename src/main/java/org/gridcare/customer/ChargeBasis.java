package org.gridcare.customer;

/**
 * What a two-part customer's basic charge (基本电费) is counted on under the supply contract: the contracted capacity
 * (按容量, kVA) or the month's maximum demand (按需量, kW). The billing module's {@code BasicChargeBasis} has the
 * same names.
 */
public enum ChargeBasis {
    CAPACITY, DEMAND
}
