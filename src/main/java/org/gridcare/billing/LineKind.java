package org.gridcare.billing;

/**
 * What a bill line charges: ENERGY (kWh of a tier or a TOU period at its price), TIER_INCREMENT (the kWh of a
 * higher tier at what that tier adds to every period's price, on TOU tariffs), BASIC_CHARGE, POWER_FACTOR
 * (the adjustment on basic + energy charge) and SURCHARGE (government funds per kWh).
 */
public enum LineKind {
    ENERGY, TIER_INCREMENT, BASIC_CHARGE, POWER_FACTOR, SURCHARGE
}
