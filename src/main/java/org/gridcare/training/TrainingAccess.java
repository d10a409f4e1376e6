package org.gridcare.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what in training. Trainers, managers and administrators manage courses, plans, sessions and cases of
 * the units in their data scope; every staff member sees the courses and sessions of their own unit and the units
 * above it (a city company's session is open to its stations) and their own transcript; supervisors, trainers and
 * managers see the transcripts of the staff in their scope.
 */
@Component
class TrainingAccess {

    static final String MANAGERS = "hasAnyRole('ADMIN', 'MANAGER', 'TRAINER')";
    static final String LEADERS = "hasAnyRole('ADMIN', 'MANAGER', 'TRAINER', 'SUPERVISOR')";

    private final OrgUnits units;

    TrainingAccess(OrgUnits units) {
        this.units = units;
    }

    DataScope scope(Actor actor) {
        return units.scopeOf(actor);
    }

    static boolean manages(Actor actor) {
        return actor.isAdmin() || actor.hasRole("MANAGER") || actor.hasRole("TRAINER");
    }

    static boolean leads(Actor actor) {
        return manages(actor) || actor.hasRole("SUPERVISOR");
    }

    /** The unit and the units above it, nearest first. */
    List<Long> unitPath(long unitId) {
        return units.findById(new OrgUnitId(unitId)).map(TrainingAccess::pathOf).orElse(List.of(unitId));
    }

    static List<Long> pathOf(OrgUnit unit) {
        List<Long> ids = new ArrayList<>(Arrays.stream(unit.path().split("/")).filter(s -> !s.isBlank())
                .map(Long::valueOf).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    Long[] openUnits(Actor actor) {
        return unitPath(actor.unitId()).toArray(Long[]::new);
    }

    /** Whether the caller may take part in what a unit offers: their own unit, one above it, or one in scope. */
    boolean offeredTo(long unitId, Actor actor) {
        return scope(actor).includes(unitId) || unitPath(actor.unitId()).contains(unitId);
    }

    /** A record of a unit the caller manages; 404 when outside the scope (like a missing one). */
    void requireManaged(long unitId, Actor actor, String entity, Object key) {
        if (!manages(actor) || !scope(actor).includes(unitId)) {
            throw new NotFoundException(entity, key);
        }
    }

    /** The unit a new record belongs to: the code given (within scope), else the caller's unit. */
    OrgUnit unitFor(String code, Actor actor, String field) {
        if (code == null || code.isBlank()) {
            return units.findById(new OrgUnitId(actor.unitId()))
                    .orElseThrow(() -> InvalidInputException.of(field, "validation.training.required"));
        }
        DataScope scope = scope(actor);
        return units.findByCode(code.trim()).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of(field, "validation.training.unknownUnit", code));
    }

    String unitCode(long unitId) {
        return units.findById(new OrgUnitId(unitId)).map(OrgUnit::code).orElse(String.valueOf(unitId));
    }
}
