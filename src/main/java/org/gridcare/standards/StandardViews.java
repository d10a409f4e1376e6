package org.gridcare.standards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the API and the console show of the standards. */
final class StandardViews {

    private StandardViews() {
    }

    /** A row of the library. */
    record Summary(String code, String title, StandardCategory category, String ownerUnitCode, Integer inForce,
                   Instant effectiveFrom, Integer openRevision, VersionStatus openRevisionStatus,
                   Instant scheduledFrom, LocalDate nextReviewOn, boolean reviewDue) {
    }

    /** One standard with its versions, the version in force, proposals, attachments and acknowledgements. */
    record Detail(String code, String title, StandardCategory category, String ownerUnitCode, String ownerUnitName,
                  List<String> scopeUnitCodes, Set<String> scopeRoles, int reviewIntervalMonths,
                  LocalDate nextReviewOn, boolean reviewDue, List<VersionRow> versions, VersionDetail inForce,
                  List<Proposal> proposals, List<Attachment> attachments, AcknowledgementSummary acknowledgements,
                  Permissions permissions, int version) {
    }

    /** A version in the list of a standard's versions. */
    record VersionRow(int number, VersionStatus status, String author, String changeNote, Instant createdAt,
                      String approvedBy, Instant effectiveFrom, Instant endedAt, boolean scheduled) {
    }

    /** A version with its body (and the body as safe HTML), clauses, reviews and the moves the caller may make. */
    record VersionDetail(String code, String title, int number, VersionStatus status, String body, String html,
                         String changeNote, String author, Instant createdAt, Instant submittedAt,
                         String approvedBy, Instant approvedAt, Instant effectiveFrom, String publishedBy,
                         Instant publishedAt, Instant endedAt, boolean scheduled, Integer slaPolicyNumber,
                         Clauses clauses, List<Review> reviews, List<String> actions, int version) {
    }

    /** What the caller may do on the standard page. */
    record Permissions(boolean owner, boolean reviewer, boolean publisher, boolean seesAcknowledgements) {
    }

    record Review(String author, String kind, String body, Instant at) {
    }

    record Proposal(long id, String author, String body, String status, Long draftVersionId, String handledBy,
                    Instant handledAt, Instant createdAt) {
    }

    record Attachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
                      Instant uploadedAt) {
    }

    record Acknowledgement(String username, String displayName, long unitId, Instant assignedAt, Instant dueAt,
                           Instant acknowledgedAt) {

        boolean overdueAt(Instant now) {
            return acknowledgedAt == null && dueAt.isBefore(now);
        }
    }

    /** Acknowledgements of the version in force, within the caller's scope; {@code mine} is the caller's own. */
    record AcknowledgementSummary(Integer versionNumber, int bound, int acknowledged, int overdue,
                                  List<AcknowledgementRow> rows, AcknowledgementRow mine) {
    }

    record AcknowledgementRow(String username, String displayName, String unitCode, Instant dueAt,
                              Instant acknowledgedAt, boolean overdue) {
    }

    /** A read-and-acknowledge task of the caller. */
    record Task(String code, String title, int versionNumber, Instant assignedAt, Instant dueAt) {
    }

    record Notice(long id, String code, String title, Integer versionNumber, String kind, Instant at, Instant readAt) {
    }

    /** One line of a side-by-side diff: EQUAL, CHANGE, INSERT or DELETE. */
    record DiffRow(String tag, String left, String right) {
    }

    record Diff(String code, int from, int to, List<DiffRow> rows, int changes) {
    }
}
