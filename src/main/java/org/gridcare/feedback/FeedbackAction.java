package org.gridcare.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * The moves of a feedback: START (NEW → IN_HANDLING), RESPOND (IN_HANDLING → RESPONDED, with the response),
 * CLOSE (RESPONDED → CLOSED; from NEW or IN_HANDLING only with a reason: a duplicate, no contact…), REOPEN
 * (RESPONDED or CLOSED → IN_HANDLING, with a reason).
 */
public enum FeedbackAction {
    START, RESPOND, CLOSE, REOPEN;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeedbackAction> fromPath(String path) {
        for (FeedbackAction action : values()) {
            if (action.path().equals(path)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
