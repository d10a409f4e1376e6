package org.gridcare.plan;

/**
 * RECORDED (chosen, not yet carried out) → EXECUTED (carried out; a contract change waits for its SERVICE_APPLICATION
 * order) → IN_EFFECT (the application order was archived and the contract change is in force from a billing month)
 * → EVALUATED. A plan without a contract change goes EXECUTED → EVALUATED. A recorded plan may be CANCELLED; a plan
 * whose application order was cancelled or merged away is NOT_CARRIED_OUT and never evaluated.
 */
public enum PlanStatus {
    RECORDED, EXECUTED, IN_EFFECT, EVALUATED, CANCELLED, NOT_CARRIED_OUT
}
