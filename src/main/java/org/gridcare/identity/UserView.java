package org.gridcare.identity;

import java.time.Instant;
import java.util.Set;

/** A user as the API and the console show it: never the password hash. */
public record UserView(String username, String displayName, Set<Role> roles, String unitCode, String unitName,
                       boolean enabled, boolean locked, String locale, int version, Instant createdAt,
                       Instant updatedAt) {
}
