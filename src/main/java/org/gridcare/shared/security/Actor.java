package org.gridcare.shared.security;

import java.util.Set;

/** Whoever is acting: a signed-in staff user, through the console or the API. */
public interface Actor {

    long userId();

    String username();

    String displayName();

    long unitId();

    Set<String> roleNames();

    default boolean hasRole(String role) {
        return roleNames().contains(role);
    }

    default boolean isAdmin() {
        return hasRole("ADMIN");
    }
}
