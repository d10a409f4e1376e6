package org.gridcare.sla;

import java.time.Instant;

/**
 * A numbered, immutable set of clock rules in force from {@code effectiveFrom}; {@code standardRef} names the
 * service standard version whose clauses it published, if any.
 */
record PolicyVersion(long id, int number, Instant effectiveFrom, String note, String author, String source,
                     Instant createdAt, String standardRef) {
}
