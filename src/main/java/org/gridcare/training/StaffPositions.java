package org.gridcare.training;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.gridcare.staff.Position;
import org.gridcare.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The position (岗位) a staff member's required training hours are counted under: the position of their staff
 * profile ({@link StaffDirectory}); for a user without a profile, the position whose
 * {@code trn_position.default_role} is one of their roles (seeded data), frontline roles first. TrainingPlans name the
 * staff module's {@link Position}s.
 */
@Component
class StaffPositions {

    /** The order in which a user's roles are tried when they have no profile: the frontline job first. */
    private static final List<Role> PRECEDENCE = List.of(Role.AGENT, Role.DISPATCHER, Role.FIELD_STAFF,
            Role.INSPECTOR, Role.SUPERVISOR, Role.TRAINER, Role.MANAGER);

    private final TrainingRepository repository;
    private final StaffDirectory staff;

    StaffPositions(TrainingRepository repository, StaffDirectory staff) {
        this.repository = repository;
        this.staff = staff;
    }

    Optional<String> positionOf(StaffMember member) {
        Optional<Position> profiled = staff.positionOf(member.userId());
        if (profiled.isPresent()) {
            return profiled.map(Position::name);
        }
        for (Role role : PRECEDENCE) {
            if (member.roles().contains(role)) {
                Optional<String> position = repository.positionForRole(role.name());
                if (position.isPresent()) {
                    return position;
                }
            }
        }
        return Optional.empty();
    }

    boolean known(String code) {
        return Arrays.stream(Position.values()).anyMatch(p -> p.name().equals(code));
    }

    /** The staff module's positions with their names (a position without a row shows its code). */
    List<TrainingViews.Position> positions() {
        List<TrainingViews.Position> named = repository.positions();
        return Arrays.stream(Position.values()).map(p -> named.stream().filter(n -> n.code().equals(p.name()))
                .findFirst().orElse(new TrainingViews.Position(p.name(), p.name(), p.name()))).toList();
    }

    /** Whether {@code leader} leads a team {@code member} belongs to (team leaders see their members' transcripts). */
    boolean leads(long leader, long member) {
        return staff.leads(leader, member);
    }
}
