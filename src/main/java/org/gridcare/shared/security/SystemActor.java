package org.gridcare.shared.security;

import java.util.Set;

/**
 * GridCare itself, acting in a scheduled job or a listener where nobody is signed in: it sees every unit and
 * acts with administrator rights, and its audit records name {@code system}. Callers that show results to a
 * person still apply that person's own scope.
 */
public enum SystemActor implements Actor {
    INSTANCE;

    @Override
    public long userId() {
        return 0;
    }

    @Override
    public String username() {
        return "system";
    }

    @Override
    public String displayName() {
        return "system";
    }

    @Override
    public long unitId() {
        return 0;
    }

    @Override
    public Set<String> roleNames() {
        return Set.of("ADMIN");
    }
}
