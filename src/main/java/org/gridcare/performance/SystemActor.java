package org.gridcare.performance;

import java.util.Set;

import org.gridcare.shared.security.Actor;

/** GridCare itself, reading every unit's figures for the monthly job (the cards apply the viewers' scopes). */
enum SystemActor implements Actor {
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
