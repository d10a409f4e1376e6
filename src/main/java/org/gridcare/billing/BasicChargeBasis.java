package org.gridcare.billing;

/** What a two-part tariff's basic charge (基本电费) is counted on: contracted capacity (kVA) or maximum demand (kW). */
public enum BasicChargeBasis {
    CAPACITY, DEMAND
}
