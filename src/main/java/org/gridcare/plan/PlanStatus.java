package org.gridcare.plan;

/** RECORDED (chosen, not yet carried out) → EXECUTED (carried out, waiting for its evaluation) → EVALUATED; a recorded plan may be CANCELLED. */
public enum PlanStatus {
    RECORDED, EXECUTED, EVALUATED, CANCELLED
}
