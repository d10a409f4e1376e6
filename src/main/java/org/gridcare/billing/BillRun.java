package org.gridcare.billing;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A background run computing the bills of every customer in the requester's scope for a month, and how far it
 * has come: customers seen, bills written and those skipped by reason.
 */
public record BillRun(long id, YearMonth month, String status, String requestedBy, int customersSeen, int billsWritten,
                      int skippedNoTariff, int skippedUnknownTariff, int skippedNoReadings, int skippedInvalid,
                      String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public int skipped() {
        return skippedNoTariff + skippedUnknownTariff + skippedNoReadings + skippedInvalid;
    }

    public boolean open() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
