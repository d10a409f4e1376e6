package org.gridcare.performance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridcare.identity.Role;
import org.gridcare.identity.Users;
import org.gridcare.shared.security.Actor;
import org.gridcare.staff.Position;
import org.gridcare.staff.StaffDirectory;
import org.gridcare.staff.StaffProfile;
import org.gridcare.staff.Team;
import org.springframework.stereotype.Component;

/**
 * The roster from the staff module's directory: every enabled staff member with a profile under their position
 * ({@code staff.Position}) and team; enabled users holding one of {@code gridcare.performance.scored-roles} without a
 * profile yet are scored under the DEFAULT scheme, in no team. A team leader (班组长) sees their teams' members.
 */
@Component
class StaffRoster implements Roster {

    private final StaffDirectory staff;
    private final Users users;
    private final PerformanceProperties properties;

    StaffRoster(StaffDirectory staff, Users users, PerformanceProperties properties) {
        this.staff = staff;
        this.users = users;
        this.properties = properties;
    }

    @Override
    public List<Member> members() {
        Map<Long, Team> teams = staff.teamsIn(null).stream().collect(Collectors.toMap(Team::id, Function.identity()));
        List<Member> members = new ArrayList<>();
        Set<Long> profiled = new HashSet<>();
        for (StaffProfile p : staff.inUnits(null)) {
            Team team = p.teamId() == null ? null : teams.get(p.teamId());
            members.add(new Member(p.userId(), p.username(), p.displayName(), p.unitId(), p.position().name(),
                    team == null ? null : team.code(), team == null ? null : team.name()));
            profiled.add(p.userId());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        properties.scoredRoles().forEach(r -> roles.add(Role.valueOf(r)));
        users.staffIn(null, roles).stream().filter(m -> !profiled.contains(m.userId()))
                .forEach(m -> members.add(new Member(m.userId(), m.username(), m.displayName(), m.unitId(),
                        DEFAULT_POSITION, null, null)));
        return members;
    }

    @Override
    public Set<String> ledBy(Actor actor) {
        Set<String> names = new HashSet<>();
        for (Team team : staff.teamsLedBy(actor.userId())) {
            staff.members(team.id()).forEach(p -> names.add(p.username()));
        }
        return names;
    }

    @Override
    public List<String> positions() {
        List<String> positions = new ArrayList<>();
        positions.add(DEFAULT_POSITION);
        for (Position p : Position.values()) {
            positions.add(p.name());
        }
        return positions;
    }
}
