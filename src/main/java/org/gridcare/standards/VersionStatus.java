package org.gridcare.standards;

/**
 * Where a version stands: DRAFT → IN_REVIEW → APPROVED → PUBLISHED → SUPERSEDED (by the next published version)
 * or RETIRED; a rejected review sends it back to DRAFT. An APPROVED version with an effective date is scheduled.
 */
public enum VersionStatus {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED, SUPERSEDED, RETIRED;

    boolean open() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED;
    }
}
