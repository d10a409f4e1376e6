package org.gridcare.workorder;

import java.util.Set;

import org.gridcare.shared.security.Actor;

/** Who makes a change, as the lifecycle rules see them. */
record Acting(String username, long unitId, Set<String> roles) {

    static Acting of(Actor actor) {
        return new Acting(actor.username(), actor.unitId(), Set.copyOf(actor.roleNames()));
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /** Administrators and managers may do everything within their scope. */
    boolean isPrivileged() {
        return has("ADMIN") || has("MANAGER");
    }
}
