package org.gridcare.console;

import java.util.List;

/** The signed-in user as the console's header, navigation and home page show them. */
public record SignedInUser(String username, String displayName, String unitName, List<String> roles) {

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
