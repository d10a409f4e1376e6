package org.gridcare.customer;

/** 电能表类型: direct-connected single/three phase, or through current (CT) / high-voltage transformers. */
enum MeterType {
    SINGLE_PHASE, THREE_PHASE, THREE_PHASE_CT, HIGH_VOLTAGE_CT
}
