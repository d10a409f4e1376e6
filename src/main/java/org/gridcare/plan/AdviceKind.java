package org.gridcare.plan;

/**
 * What an advice option proposes: TARIFF_SWITCH (residential flat ↔ time-of-use), BASIC_CHARGE_BASIS (two-part
 * basic charge by capacity ↔ by maximum demand), POWER_FACTOR (reactive compensation up to the standard),
 * PEAK_SHIFT (a share of peak load moved to the valley) and TIER_AWARENESS (where the year stands against the
 * annual tiers — information, never a saving of its own).
 */
public enum AdviceKind {
    TARIFF_SWITCH, BASIC_CHARGE_BASIS, POWER_FACTOR, PEAK_SHIFT, TIER_AWARENESS;

    /** Whether carrying it out changes the supply contract, i.e. goes through a SERVICE_APPLICATION order. */
    boolean needsApplication() {
        return this == TARIFF_SWITCH || this == BASIC_CHARGE_BASIS;
    }
}
