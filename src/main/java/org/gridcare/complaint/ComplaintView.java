package org.gridcare.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint case as the API and the console show it. {@code substantiated}: counted as substantiated (有责,
 * approved); {@code countedAfterAppeal}: still counted after appeals (核减 removes it). {@code overdue}: a clock
 * of the case or a rectification action is past its due time. {@code deadlines}, {@code actions},
 * {@code attachments}, {@code history} and {@code moves} are only filled for a single case.
 */
public record ComplaintView(long id, String orderNumber, String unitCode, String customerNumber, String channel,
                            ComplaintSource source, String categoryCode, String categoryName, ComplaintGrade grade,
                            String gradeReason, boolean injury, boolean media, boolean specialEvent,
                            boolean escalationRisk, String repeatOfOrderNumber, ComplaintStatus status,
                            String findings, String rootCause, Responsibility responsibility,
                            String responsibleUnitCode, String responsibleStaff, String investigatedBy,
                            Instant investigatedAt, String approvedBy, Instant approvedAt, String reviewComment,
                            AppealStatus appealStatus, String appealReason, String appealedBy, Instant appealedAt,
                            String appealDecidedBy, Instant appealDecidedAt, String appealComment,
                            boolean substantiated, boolean countedAfterAppeal, Instant receivedAt, Instant closedAt,
                            String closedBy, boolean overdue, int version, List<Deadline> deadlines,
                            List<Rectification> actions, List<Evidence> attachments, List<Event> history,
                            List<String> moves) {

    /** A clock of the case: RUNNING, WARNING, BREACHED (running past due), MET or LATE (stopped after due). */
    public record Deadline(String kind, Instant startedAt, Instant dueAt, Instant stoppedAt, String state) {
    }

    /** A rectification action (整改措施); {@code overdue}: not done by the end of its due day. */
    public record Rectification(long id, String description, String owner, LocalDate dueDate,
                                RectificationStatus status, String completion, Instant completedAt,
                                String verifiedBy, Instant verifiedAt, String verification, boolean overdue,
                                int version) {
    }

    /** An evidence file (its content is downloaded separately). */
    public record Evidence(long id, EvidencePurpose purpose, String filename, String contentType, long size,
                           String uploadedBy, Instant uploadedAt) {
    }

    /** One step of the case's history. */
    public record Event(Instant at, String actor, String action, String detail) {
    }
}
