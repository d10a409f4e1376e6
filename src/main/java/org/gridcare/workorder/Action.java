package org.gridcare.workorder;

import java.util.Locale;
import java.util.Optional;

/** What a user can do to an order; {@link #path()} is the name in {@code POST /api/v1/work-orders/{number}/{action}}. */
public enum Action {
    DISPATCH, ACCEPT, ARRIVE, RESTORE, REPLY, REVIEW, VISIT, CLOSE, RETURN, TRANSFER, SUSPEND, RESUME, CANCEL,
    REOPEN, URGE, SUPERVISE, MERGE;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> fromPath(String path) {
        for (Action action : values()) {
            if (action.path().equals(path)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
