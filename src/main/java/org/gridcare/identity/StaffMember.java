package org.gridcare.identity;

import java.util.Set;

/** A staff user as other modules need them to address work to them: no account details. */
public record StaffMember(long userId, String username, String displayName, long unitId, Set<Role> roles) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }
}
