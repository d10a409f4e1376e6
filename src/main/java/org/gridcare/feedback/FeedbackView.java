package org.gridcare.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A feedback as the API and the console show it. The contact phone is masked except for administrators;
 * {@code overdue} says the response is late (still awaited past {@code dueAt}, or given after it);
 * {@code history} and {@code actions} are only filled for a single feedback.
 */
public record FeedbackView(long id, FeedbackChannel channel, FeedbackCategory category, Sentiment sentiment,
                           FeedbackStatus status, String unitCode, String customerNumber, String staffUsername,
                           String contactName, String contactPhone, String description, String responseText,
                           Instant dueAt, Instant respondedAt, Instant closedAt, boolean overdue, String createdBy,
                           Instant createdAt, Instant updatedAt, int version, List<Event> history,
                           List<String> actions) {

    /** One move of the feedback with its reason. */
    public record Event(Instant at, String actor, String action, FeedbackStatus from, FeedbackStatus to,
                        String reason) {
    }
}
