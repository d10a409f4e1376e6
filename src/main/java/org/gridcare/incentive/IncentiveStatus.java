package org.gridcare.incentive;

/** PROPOSED → APPROVED / REJECTED by a manager; WITHDRAWN when the cause fell away before the decision. */
public enum IncentiveStatus {
    PROPOSED, APPROVED, REJECTED, WITHDRAWN
}
