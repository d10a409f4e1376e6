package org.gridcare.complaint;

import java.time.Instant;
import java.util.List;

import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;

/**
 * A complaint case. Its state changes only through the moves below, each checking where it may come from and
 * who may not take it (the reviewer is never the investigator, the appeal is never decided by its appellant).
 */
class ComplaintCase {

    final Long id;
    final long orderId;
    final String orderNumber;
    final long unitId;
    final String customerNumber;
    final String channel;
    ComplaintSource source;
    String categoryCode;
    ComplaintGrade grade;
    String gradeReason;
    boolean injury;
    boolean media;
    boolean specialEvent;
    boolean escalationRisk;
    final Long repeatOfId;
    ComplaintStatus status;
    String findings;
    String rootCause;
    Responsibility responsibility;
    Long responsibleUnitId;
    String responsibleStaff;
    String investigatedBy;
    Instant investigatedAt;
    String approvedBy;
    Instant approvedAt;
    String reviewComment;
    AppealStatus appealStatus;
    String appealReason;
    String appealedBy;
    Instant appealedAt;
    String appealDecidedBy;
    Instant appealDecidedAt;
    String appealComment;
    final Instant receivedAt;
    Instant closedAt;
    String closedBy;
    final Instant createdAt;
    Instant updatedAt;
    final int version;

    @SuppressWarnings("checkstyle:ParameterNumber")
    ComplaintCase(Long id, long orderId, String orderNumber, long unitId, String customerNumber, String channel,
                  ComplaintSource source, String categoryCode, ComplaintGrade grade, String gradeReason, boolean injury,
                  boolean media, boolean specialEvent, boolean escalationRisk, Long repeatOfId, ComplaintStatus status,
                  Instant receivedAt, Instant createdAt, int version) {
        this.id = id;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.unitId = unitId;
        this.customerNumber = customerNumber;
        this.channel = channel;
        this.source = source;
        this.categoryCode = categoryCode;
        this.grade = grade;
        this.gradeReason = gradeReason;
        this.injury = injury;
        this.media = media;
        this.specialEvent = specialEvent;
        this.escalationRisk = escalationRisk;
        this.repeatOfId = repeatOfId;
        this.status = status;
        this.appealStatus = AppealStatus.NONE;
        this.receivedAt = receivedAt;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.version = version;
    }

    /** Counted as substantiated (有责): the approved responsibility says so. */
    boolean substantiated() {
        return approvedAt != null && responsibility == Responsibility.SUBSTANTIATED;
    }

    /** Still counted after appeals: substantiated and no accepted appeal removed it. */
    boolean countsAfterAppeal() {
        return substantiated() && appealStatus != AppealStatus.ACCEPTED;
    }

    /** Whether the move may be taken now (for showing only the possible moves; roles are checked elsewhere). */
    boolean allows(ComplaintMove move) {
        return switch (move) {
            case GRADE -> !status.finished();
            case INVESTIGATE -> status == ComplaintStatus.OPEN;
            case APPROVE -> status == ComplaintStatus.UNDER_REVIEW;
            case APPEAL -> (status == ComplaintStatus.DETERMINED || status == ComplaintStatus.CLOSED) && substantiated()
                    && appealStatus == AppealStatus.NONE;
            case DECIDE_APPEAL -> appealStatus == AppealStatus.PENDING;
            case ADD_ACTION -> status == ComplaintStatus.DETERMINED;
            case CLOSE -> status == ComplaintStatus.DETERMINED && appealStatus != AppealStatus.PENDING;
        };
    }

    private void require(ComplaintMove move) {
        if (!allows(move)) {
            throw new ConflictException("error.complaint.illegalMove", move.path(), status);
        }
    }

    void regrade(ComplaintGrade newGrade, String reason, boolean injury, boolean media, boolean specialEvent,
                 boolean escalationRisk, ComplaintSource newSource, Instant at) {
        require(ComplaintMove.GRADE);
        if (newGrade == ComplaintGrade.MAJOR && !injury && !media && !specialEvent) {
            throw InvalidInputException.of("grade", "validation.complaint.majorNeedsCause");
        }
        this.grade = newGrade;
        this.gradeReason = reason;
        this.injury = injury;
        this.media = media;
        this.specialEvent = specialEvent;
        this.escalationRisk = escalationRisk;
        if (newSource != null) {
            this.source = newSource;
        }
        this.updatedAt = at;
    }

    void investigate(String findings, String rootCause, Responsibility responsibility, Long responsibleUnitId,
                     String responsibleStaff, String categoryCode, String by, Instant at) {
        require(ComplaintMove.INVESTIGATE);
        this.findings = findings;
        this.rootCause = rootCause;
        this.responsibility = responsibility;
        this.responsibleUnitId = responsibility == Responsibility.SUBSTANTIATED ? responsibleUnitId : null;
        this.responsibleStaff = responsibility == Responsibility.SUBSTANTIATED ? responsibleStaff : null;
        if (categoryCode != null) {
            this.categoryCode = categoryCode;
        }
        this.investigatedBy = by;
        this.investigatedAt = at;
        this.reviewComment = null;
        this.status = ComplaintStatus.UNDER_REVIEW;
        this.updatedAt = at;
    }

    void review(boolean approve, String comment, String by, Instant at) {
        require(ComplaintMove.APPROVE);
        if (by.equals(investigatedBy)) {
            throw new ConflictException("error.complaint.ownInvestigation");
        }
        if (!approve && comment == null) {
            throw InvalidInputException.of("comment", "validation.complaint.commentRequired");
        }
        this.reviewComment = comment;
        if (approve) {
            this.approvedBy = by;
            this.approvedAt = at;
            this.status = ComplaintStatus.DETERMINED;
        } else {
            this.status = ComplaintStatus.OPEN;
        }
        this.updatedAt = at;
    }

    void appeal(String reason, String by, Instant at) {
        require(ComplaintMove.APPEAL);
        this.appealStatus = AppealStatus.PENDING;
        this.appealReason = reason;
        this.appealedBy = by;
        this.appealedAt = at;
        this.updatedAt = at;
    }

    void decideAppeal(boolean accept, String comment, String by, Instant at) {
        require(ComplaintMove.DECIDE_APPEAL);
        if (by.equals(appealedBy)) {
            throw new ConflictException("error.complaint.ownAppeal");
        }
        if (!accept && comment == null) {
            throw InvalidInputException.of("comment", "validation.complaint.commentRequired");
        }
        this.appealStatus = accept ? AppealStatus.ACCEPTED : AppealStatus.REJECTED;
        this.appealComment = comment;
        this.appealDecidedBy = by;
        this.appealDecidedAt = at;
        this.updatedAt = at;
    }

    /** Closes the case: every rectification action verified, and a complaint still counted has at least one. */
    void close(List<RectificationStatus> actions, String by, Instant at) {
        require(ComplaintMove.CLOSE);
        if (actions.stream().anyMatch(s -> s != RectificationStatus.VERIFIED)) {
            throw new ConflictException("error.complaint.actionsNotVerified");
        }
        if (countsAfterAppeal() && actions.isEmpty()) {
            throw new ConflictException("error.complaint.rectificationRequired");
        }
        this.status = ComplaintStatus.CLOSED;
        this.closedAt = at;
        this.closedBy = by;
        this.updatedAt = at;
    }

    /** The order was cancelled or merged: nothing to handle any more. */
    boolean withdraw(Instant at) {
        if (status.finished()) {
            return false;
        }
        this.status = ComplaintStatus.WITHDRAWN;
        this.updatedAt = at;
        return true;
    }
}
