package org.gridcare.metering;

import java.time.Instant;

/**
 * An import of readings as the API and the console show it. {@code phase} is what a running import is
 * doing (READING, WAITING, CHECKING, SAVING); {@code rowsAccepted} are rows newly stored,
 * {@code rowsUnchanged} rows that were already stored with the same values (a re-import changes
 * nothing), {@code rowsRejected} rows refused with a reason in the row report. {@code failure} says why
 * a FAILED import saved nothing.
 */
record ImportView(long id, ReadingKind kind, String fileName, long fileSize, ImportStatus status, String phase,
                  long bytesRead, long rowsRead, long rowsAccepted, long rowsUnchanged, long rowsRejected,
                  String failure, String requestedBy, long unitId, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {

    /** How far the import has come, 0–100: reading the file is most of the work, checking and saving the rest. */
    public int percent() {
        if (status == ImportStatus.DONE || status == ImportStatus.FAILED) {
            return 100;
        }
        if (status == ImportStatus.QUEUED || fileSize == 0) {
            return 0;
        }
        int read = (int) Math.min(80, bytesRead * 80 / fileSize);
        return switch (phase == null ? "" : phase) {
            case "WAITING", "CHECKING" -> 85;
            case "SAVING" -> 92;
            default -> read;
        };
    }

    public boolean open() {
        return status.open();
    }
}
