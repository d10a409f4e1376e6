package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training plans (培训计划): one per unit and year, and optionally one per quarter, each with the hours every position
 * must complete and the courses it schedules. A staff member's requirement comes from the nearest unit above them
 * (their own first) whose plan names their position.
 */
@Service
class TrainingPlans {

    static final String ENTITY = "TrainingPlan";

    private final TrainingRepository repository;
    private final TrainingAccess access;
    private final StaffPositions positions;
    private final Courses courses;
    private final AuditTrail audit;
    private final Clock clock;

    TrainingPlans(TrainingRepository repository, TrainingAccess access, StaffPositions positions, Courses courses,
          AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.positions = positions;
        this.courses = courses;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TrainingViews.Plan create(TrainingCommands.NewPlan command, Actor actor) {
        List<Violation> errors = new ArrayList<>();
        if (command.year() < 2000 || command.year() > 2100) {
            errors.add(new Violation("year", "validation.training.year"));
        }
        if (command.quarter() != null && (command.quarter() < 1 || command.quarter() > 4)) {
            errors.add(new Violation("quarter", "validation.training.quarter"));
        }
        title(command.title(), errors);
        OrgUnit unit = null;
        try {
            unit = access.unitFor(command.unitCode(), actor, "unitCode");
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        Map<String, BigDecimal> requirements = requirements(command.requirements(), errors);
        Set<Long> courseIds = courseIds(command.courseCodes(), actor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.planExists(unit.id().value(), command.year(), command.quarter())) {
            throw new ConflictException("training.error.planExists", unit.code(), command.year(),
                    command.quarter() == null ? "" : "Q" + command.quarter());
        }
        long id = repository.insertPlan(unit.id().value(), command.year(), command.quarter(), command.title().trim(),
                actor.username(), Instant.now(clock));
        repository.replaceRequirements(id, requirements);
        repository.replacePlanCourses(id, courseIds);
        audit.record("TRAINING_PLAN_CREATED", ENTITY, String.valueOf(id), "%s %d%s: %s".formatted(unit.code(),
                command.year(), command.quarter() == null ? "" : " Q" + command.quarter(), requirements));
        return view(repository.plan(id).orElseThrow());
    }

    /** Replaces the requirements and courses of a plan; {@code version} is the one the caller saw. */
    @Transactional
    public TrainingViews.Plan change(long id, Integer version, TrainingCommands.NewPlan command, Actor actor) {
        TrainingRepository.PlanRow plan = repository.plan(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        access.requireManaged(plan.unitId(), actor, ENTITY, id);
        List<Violation> errors = new ArrayList<>();
        if (version == null) {
            errors.add(new Violation("version", "validation.training.required"));
        }
        title(command.title(), errors);
        Map<String, BigDecimal> requirements = requirements(command.requirements(), errors);
        Set<Long> courseIds = courseIds(command.courseCodes(), actor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!repository.touchPlan(id, version, command.title().trim(), Instant.now(clock))) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        repository.replaceRequirements(id, requirements);
        repository.replacePlanCourses(id, courseIds);
        audit.record("TRAINING_PLAN_CHANGED", ENTITY, String.valueOf(id), "requirements %s".formatted(requirements));
        return view(repository.plan(id).orElseThrow());
    }

    private static void title(String title, List<Violation> errors) {
        if (title == null || title.isBlank()) {
            errors.add(new Violation("title", "validation.training.required"));
        } else if (title.strip().length() > 200) {
            errors.add(new Violation("title", "validation.training.tooLong", 200));
        }
    }

    private Map<String, BigDecimal> requirements(List<TrainingCommands.Requirement> given, List<Violation> errors) {
        Map<String, BigDecimal> requirements = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            TrainingCommands.Requirement r = given.get(i);
            String position = r.position() == null ? "" : r.position().trim();
            if (!positions.known(position)) {
                errors.add(new Violation("requirements[" + i + "].position", "validation.training.unknownPosition",
                        r.position()));
            } else if (requirements.containsKey(position)) {
                errors.add(new Violation("requirements[" + i + "].position", "validation.training.duplicatePosition",
                        position));
            }
            BigDecimal hours = r.requiredHours();
            if (hours == null || hours.signum() < 0 || hours.compareTo(new BigDecimal("1000")) > 0 || hours.scale() > 2) {
                errors.add(new Violation("requirements[" + i + "].requiredHours", "validation.training.hours"));
            }
            requirements.put(position, hours);
        }
        return requirements;
    }

    private Set<Long> courseIds(List<String> codes, Actor actor, List<Violation> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> given = codes == null ? List.of() : codes;
        for (int i = 0; i < given.size(); i++) {
            try {
                ids.add(courses.visible(given.get(i), actor).id());
            } catch (NotFoundException e) {
                errors.add(new Violation("courseCodes[" + i + "]", "validation.training.unknownCourse", given.get(i)));
            }
        }
        return ids;
    }

    @Transactional(readOnly = true)
    public List<TrainingViews.Plan> list(Integer year, Actor actor) {
        DataScope scope = access.scope(actor);
        List<TrainingRepository.PlanRow> rows = new ArrayList<>(repository.plans(scope.all(), scope.unitIdArray(), year));
        if (!scope.all()) {
            repository.plans(false, access.openUnits(actor), year).stream()
                    .filter(p -> rows.stream().noneMatch(r -> r.id() == p.id())).forEach(rows::add);
        }
        return rows.stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public TrainingViews.Plan get(long id, Actor actor) {
        return repository.plan(id).filter(p -> access.offeredTo(p.unitId(), actor)).map(this::view)
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private TrainingViews.Plan view(TrainingRepository.PlanRow p) {
        return new TrainingViews.Plan(p.id(), access.unitCode(p.unitId()), p.year(), p.quarter(), p.title(),
                repository.requirements(p.id()), repository.planCourseCodes(p.id()), p.version());
    }
}
