package org.gridcare.standards;

import java.time.Instant;

/** One numbered version of a standard: its Markdown body and where it stands in the review and publication flow. */
record StandardVersion(long id, long standardId, int number, VersionStatus status, String body, String changeNote,
                       String author, Instant createdAt, Instant updatedAt, Instant submittedAt, String approvedBy,
                       Instant approvedAt, Instant effectiveFrom, String publishedBy, Instant publishedAt,
                       Instant endedAt, Integer slaPolicyNumber, int version) {

    /** Approved with an effective date still to come: the scheduler publishes it then. */
    boolean scheduled() {
        return status == VersionStatus.APPROVED && effectiveFrom != null;
    }
}
