package org.gridcare.training;

import java.util.List;
import java.util.Optional;

import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.springframework.stereotype.Component;

/**
 * The position (岗位) a staff member's required training hours are counted under, and the positions a plan may
 * name. Until the staff module's profiles are read here, a user counts under the position whose
 * {@code trn_position.default_role} is one of their roles (seeded data an administrator can change).
 */
@Component
class StaffPositions {

    private final TrainingRepository repository;

    StaffPositions(TrainingRepository repository) {
        this.repository = repository;
    }

    Optional<String> positionOf(StaffMember member) {
        for (Role role : List.of(Role.AGENT, Role.DISPATCHER, Role.FIELD_STAFF, Role.INSPECTOR, Role.SUPERVISOR,
                Role.TRAINER, Role.MANAGER)) {
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
        return positions().stream().anyMatch(p -> p.code().equals(code));
    }

    List<TrainingViews.Position> positions() {
        return repository.positions();
    }
}
