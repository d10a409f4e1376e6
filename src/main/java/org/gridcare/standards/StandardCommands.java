package org.gridcare.standards;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What callers send to change the library. */
final class StandardCommands {

    private StandardCommands() {
    }

    /** A new standard and its first draft. Owner unit: blank = the caller's unit. */
    record NewStandard(String code, String title, StandardCategory category, String ownerUnitCode,
                       List<String> scopeUnitCodes, List<String> scopeRoles, Integer reviewIntervalMonths,
                       String body, String changeNote, Clauses clauses) {
    }

    /** The standard's own settings (the owner may change them at any time; the versions are not touched). */
    record StandardChanges(Integer version, String title, StandardCategory category, List<String> scopeUnitCodes,
                           List<String> scopeRoles, Integer reviewIntervalMonths) {
    }

    /** A draft's content: the whole body and clause set as they should be. */
    record DraftInput(Integer version, String body, String changeNote, Clauses clauses) {
    }

    /** A move of a version: the version the caller saw, a comment (required to reject) and, to publish, when. */
    record ActionInput(Integer version, String comment, Instant effectiveFrom) {
    }

    /** The moves of a version; {@link #path()} is the name in the URL. */
    enum VersionAction {
        SUBMIT, COMMENT, APPROVE, REJECT, PUBLISH, RETIRE;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<VersionAction> fromPath(String path) {
            for (VersionAction a : values()) {
                if (a.path().equals(path)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }
}
