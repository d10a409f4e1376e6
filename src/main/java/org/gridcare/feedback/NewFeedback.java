package org.gridcare.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new feedback. {@code unitCode} is the responsible unit (default: the customer's unit, else the caller's);
 * {@code customerNumber} and {@code staffUsername} optionally link a customer and the staff member concerned.
 */
public record NewFeedback(@NotNull FeedbackChannel channel, @NotNull FeedbackCategory category,
                          @NotNull Sentiment sentiment, @Size(max = 32) String unitCode,
                          @Size(max = 13) String customerNumber, @Size(max = 100) String staffUsername,
                          @Size(max = 50) String contactName, @Size(max = 30) String contactPhone,
                          @NotBlank @Size(max = 4000) String description) {
}
