package org.gridcare.standards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A standard of the library: what it governs, who owns it ({@code ownerUnitId} null = the company, the top of
 * the organisation), whom it binds (units with their subtrees, empty = every unit; roles, empty = every role)
 * and when it is due for review.
 */
record Standard(long id, String code, String title, StandardCategory category, Long ownerUnitId,
                List<Long> scopeUnitIds, Set<String> scopeRoles, int reviewIntervalMonths, LocalDate nextReviewOn,
                LocalDate reviewRemindedOn, String createdBy, Instant createdAt, Instant updatedAt, int version) {

    Standard {
        scopeUnitIds = List.copyOf(scopeUnitIds);
        scopeRoles = Set.copyOf(scopeRoles);
    }
}
