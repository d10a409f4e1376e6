package org.gridcare.performance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gridcare.identity.Role;
import org.gridcare.identity.Users;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The roster while no staff directory exists: the enabled users holding one of {@code gridcare.performance.scored-roles},
 * every one under the DEFAULT position and in no team (positions and teams come from the staff module).
 */
@Component
class IdentityRoster implements Roster {

    private final Users users;
    private final PerformanceProperties properties;

    IdentityRoster(Users users, PerformanceProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public List<Member> members() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        properties.scoredRoles().forEach(r -> roles.add(Role.valueOf(r)));
        return users.staffIn(null, roles).stream().map(m -> new Member(m.userId(), m.username(), m.displayName(),
                m.unitId(), DEFAULT_POSITION, null, null)).toList();
    }

    @Override
    public Set<String> ledBy(Actor actor) {
        return Set.of();
    }

    @Override
    public List<String> positions() {
        return List.of(DEFAULT_POSITION);
    }
}
