package org.gridcare.identity;

import java.util.Set;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial change of an account: null fields stay as they are. A {@code password} here is an
 * administrator's reset; a {@code version}, when given, must match (optimistic locking).
 */
public record UserChanges(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "{validation.notBlank}") String displayName,
        String password,
        @Size(min = 1) Set<Role> roles,
        String unitCode,
        Boolean enabled,
        Integer version) {
}
