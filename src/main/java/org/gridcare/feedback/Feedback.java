package org.gridcare.feedback;

import java.time.Instant;

import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;

/** A feedback; its status changes only through the moves below, each checking where it may come from. */
class Feedback {

    private final Long id;
    private final FeedbackChannel channel;
    private final FeedbackCategory category;
    private final Sentiment sentiment;
    private FeedbackStatus status;
    private final long unitId;
    private final String unitCode;
    private final String customerNumber;
    private final String staffUsername;
    private final String contactName;
    private final String contactPhone;
    private final String description;
    private String responseText;
    private final Instant dueAt;
    private Instant respondedAt;
    private Instant closedAt;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;

    Feedback(Long id, FeedbackChannel channel, FeedbackCategory category, Sentiment sentiment, FeedbackStatus status,
             long unitId, String unitCode, String customerNumber, String staffUsername, String contactName,
             String contactPhone, String description, String responseText, Instant dueAt, Instant respondedAt,
             Instant closedAt, String createdBy, Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.channel = channel;
        this.category = category;
        this.sentiment = sentiment;
        this.status = status;
        this.unitId = unitId;
        this.unitCode = unitCode;
        this.customerNumber = customerNumber;
        this.staffUsername = staffUsername;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.description = description;
        this.responseText = responseText;
        this.dueAt = dueAt;
        this.respondedAt = respondedAt;
        this.closedAt = closedAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** One move: from, to and the reason given. */
    record Move(FeedbackAction action, FeedbackStatus from, FeedbackStatus to, String reason) {
    }

    /** Whether the action may be taken now (for showing only the possible actions). */
    boolean allows(FeedbackAction action) {
        return switch (action) {
            case START -> status == FeedbackStatus.NEW;
            case RESPOND -> status == FeedbackStatus.IN_HANDLING;
            case CLOSE -> status != FeedbackStatus.CLOSED;
            case REOPEN -> status == FeedbackStatus.RESPONDED || status == FeedbackStatus.CLOSED;
        };
    }

    Move act(FeedbackAction action, String reason, String response, Instant at) {
        if (!allows(action)) {
            throw new ConflictException("error.feedback.illegalTransition", action.path(), status);
        }
        String why = blankToNull(reason);
        FeedbackStatus from = status;
        switch (action) {
            case START -> status = FeedbackStatus.IN_HANDLING;
            case RESPOND -> {
                String text = blankToNull(response);
                if (text == null) {
                    throw InvalidInputException.of("response", "validation.feedback.required");
                }
                responseText = text;
                respondedAt = at;
                status = FeedbackStatus.RESPONDED;
            }
            case CLOSE -> {
                // closing without a response needs a reason (a duplicate, the contact cannot be reached…)
                if (from != FeedbackStatus.RESPONDED && why == null) {
                    throw InvalidInputException.of("reason", "validation.feedback.reasonRequired");
                }
                closedAt = at;
                status = FeedbackStatus.CLOSED;
            }
            case REOPEN -> {
                if (why == null) {
                    throw InvalidInputException.of("reason", "validation.feedback.reasonRequired");
                }
                closedAt = null;
                status = FeedbackStatus.IN_HANDLING;
            }
        }
        updatedAt = at;
        return new Move(action, from, status, why);
    }

    /** Late: the response is still awaited past the due time, or came after it. */
    boolean overdue(Instant now) {
        if (respondedAt != null) {
            return respondedAt.isAfter(dueAt);
        }
        return status.awaitsResponse() && now.isAfter(dueAt);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Long id() { return id; }
    FeedbackChannel channel() { return channel; }
    FeedbackCategory category() { return category; }
    Sentiment sentiment() { return sentiment; }
    FeedbackStatus status() { return status; }
    long unitId() { return unitId; }
    String unitCode() { return unitCode; }
    String customerNumber() { return customerNumber; }
    String staffUsername() { return staffUsername; }
    String contactName() { return contactName; }
    String contactPhone() { return contactPhone; }
    String description() { return description; }
    String responseText() { return responseText; }
    Instant dueAt() { return dueAt; }
    Instant respondedAt() { return respondedAt; }
    Instant closedAt() { return closedAt; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    int version() { return version; }
}
