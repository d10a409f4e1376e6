package org.gridcare.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A staff user's account as stored. */
record UserAccount(long id, String username, String displayName, String passwordHash, long unitId,
                   Set<Role> roles, boolean enabled, int failedAttempts, Instant lockedUntil, String locale,
                   int version, Instant createdAt, Instant updatedAt, Instant passwordChangedAt) {

    UserAccount {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
