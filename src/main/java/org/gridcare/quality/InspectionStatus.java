package org.gridcare.quality;

/** PENDING (assigned, not scored) → SCORED (the staff member sees it) → APPEALED → DECIDED. */
public enum InspectionStatus {
    PENDING, SCORED, APPEALED, DECIDED
}
