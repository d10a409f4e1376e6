package org.gridcare.billing;

/** A time-of-use period (分时时段): 尖峰, 高峰, 平段, 低谷. */
public enum TouPeriod {
    CRITICAL_PEAK, PEAK, FLAT, VALLEY
}
