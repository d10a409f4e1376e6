package org.gridcare.quality;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly inspection plans: draw the sample ({@link Sampling}), bind each order to the rubric version in force
 * for its type, assign inspectors ({@link Assignment}) and write the inspections — or, for a preview, only say
 * what would be drawn. One plan per month and unit; an order is inspected at most once.
 */
@Service
public class InspectionPlans {

    static final String ENTITY = "InspectionPlan";
    static final Set<String> PLANNERS = Inspections.DECIDERS;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final PlanRepository plans;
    private final InspectionRepository inspections;
    private final RubricRepository rubrics;
    private final Inspections inspectionService;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final QualityProperties properties;
    private final Clock clock;

    InspectionPlans(PlanRepository plans, InspectionRepository inspections, RubricRepository rubrics,
                    Inspections inspectionService, OrgUnits units, AuditTrail audit, QualityProperties properties,
                    Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.rubrics = rubrics;
        this.inspectionService = inspectionService;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the plan would draw and assign, writing nothing. */
    @Transactional(readOnly = true)
    public PlanView preview(NewPlan command, Actor actor) {
        return draw(settings(command, actor), actor).view();
    }

    /** Draws the sample and writes the plan with its inspections. */
    @Transactional
    public PlanView create(NewPlan command, Actor actor) {
        Settings s = settings(command, actor);
        plans.lock(s.month().atDay(1), s.unit().id().value());
        if (plans.exists(s.month().atDay(1), s.unit().id().value())) {
            throw new ConflictException("error.quality.planExists", s.month(), s.unit().code());
        }
        Drawn drawn = draw(s, actor);
        PlanView plan = drawn.view();
        long id = plans.insert(plan, s.month().atDay(1), s.unit().id().value());
        Instant now = Instant.now(clock);
        for (int i = 0; i < drawn.picks().size(); i++) {
            Sampling.Pick pick = drawn.picks().get(i);
            Sampling.Candidate c = pick.order();
            inspections.insert(new Inspection.New(InspectionKind.ORDER, id, c.orderId(), c.number(), c.type(),
                    c.unitId(), c.staff(), c.createdBy(), pick.reasons().stream().map(Enum::name).toList(), null,
                    c.closedAt(), drawn.inspectors().get(i), drawn.rubrics().get(WorkOrderType.valueOf(c.type()))),
                    actor.username(), now);
        }
        audit.record("INSPECTION_PLAN_CREATED", ENTITY, String.valueOf(id),
                "%s unit %s: %s%% (min %d) of %d orders, seed %d, %s%s → %d random, %d targeted, %d unassigned"
                        .formatted(s.month(), s.unit().code(), s.percent().toPlainString(), s.minPerStaff(),
                                plan.population(), s.seed(), s.assignment(), s.excludeOwnUnit() ? ", own unit excluded" : "",
                                plan.sampled(), plan.targeted(), plan.unassigned()));
        return get(id, actor);
    }

    @Transactional(readOnly = true)
    public PlanView get(long id, Actor actor) {
        return plans.find(id, units.scopeOf(actor)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    @Transactional(readOnly = true)
    public List<PlanView> list(Actor actor) {
        return plans.list(units.scopeOf(actor), 200);
    }

    private record Settings(YearMonth month, OrgUnit unit, BigDecimal percent, int minPerStaff, long seed,
                            AssignmentMode assignment, boolean excludeOwnUnit, Sampling.Targets targets) {
    }

    private record Drawn(Settings s, int population, List<Sampling.Pick> picks, List<String> inspectors,
                         Map<WorkOrderType, Long> rubrics, String by, Instant at) {

        PlanView view() {
            int sampled = (int) picks.stream().filter(p -> p.reasons().contains(Sampling.Reason.RANDOM)).count();
            int unassigned = (int) inspectors.stream().filter(java.util.Objects::isNull).count();
            List<PlanView.Pick> shown = new ArrayList<>();
            for (int i = 0; i < picks.size(); i++) {
                Sampling.Pick p = picks.get(i);
                shown.add(new PlanView.Pick(p.order().number(), p.order().type(), p.order().staff(),
                        p.reasons().stream().map(Enum::name).toList(), inspectors.get(i)));
            }
            return new PlanView(null, s.month().toString(), s.unit().code(), s.percent(), s.minPerStaff(), s.seed(),
                    s.assignment(), s.excludeOwnUnit(), s.targets().complaints(), s.targets().dissatisfied(),
                    s.targets().breaches(), population, sampled, picks.size() - sampled, unassigned, by, at, shown);
        }
    }

    private Drawn draw(Settings s, Actor actor) {
        Instant from = s.month().atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant to = s.month().plusMonths(1).atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        Long[] unitIds = units.subtreeIds(s.unit().id()).toArray(Long[]::new);
        List<Sampling.Candidate> candidates = plans.candidates(from, to, unitIds);
        List<Sampling.Pick> picks = Sampling.sample(candidates, s.percent(), s.minPerStaff(), s.seed(), s.targets());
        Instant now = Instant.now(clock);
        Map<WorkOrderType, Long> versions = new EnumMap<>(WorkOrderType.class);
        for (Sampling.Pick p : picks) {
            WorkOrderType type = WorkOrderType.valueOf(p.order().type());
            if (!versions.containsKey(type)) {
                versions.put(type, rubrics.inForce(type, now).map(RubricVersion::id).orElseThrow(() ->
                        new ConflictException("error.quality.noRubric", type)));
            }
        }
        Assignment assignment = new Assignment(s.assignment(), s.excludeOwnUnit(), inspectionService.inspectors(actor),
                inspections.openLoad());
        List<String> assigned = new ArrayList<>();
        for (Sampling.Pick p : picks) {
            Optional<String> who = assignment.assign(p.order().unitId(), p.order().staff(), p.order().createdBy());
            assigned.add(who.orElse(null));
        }
        return new Drawn(s, candidates.size(), picks, assigned, versions, actor.username(), now);
    }

    private Settings settings(NewPlan c, Actor actor) {
        if (PLANNERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("plans are made by supervisors and managers");
        }
        if (c.month() == null || c.month().isBlank()) {
            throw InvalidInputException.of("month", "validation.quality.required");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(c.month().trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "validation.quality.month", c.month());
        }
        YearMonth current = YearMonth.from(LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE));
        if (month.isAfter(current)) {
            throw InvalidInputException.of("month", "validation.quality.monthInFuture", month);
        }
        DataScope scope = units.scopeOf(actor);
        String code = c.unitCode() == null || c.unitCode().isBlank() ? null : c.unitCode().trim();
        OrgUnit unit = code == null ? units.findById(new org.gridcare.organisation.OrgUnitId(actor.unitId()))
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.quality.required"))
                : units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.quality.unknownUnit", code));
        BigDecimal percent = c.samplePercent() == null ? properties.samplePercent() : c.samplePercent();
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of("samplePercent", "validation.quality.percent");
        }
        int min = c.minPerStaff() == null ? properties.minPerStaff() : c.minPerStaff();
        if (min < 0 || min > 1000) {
            throw InvalidInputException.of("minPerStaff", "validation.quality.minPerStaff");
        }
        long seed = c.seed() == null ? SEEDS.nextLong() : c.seed();
        return new Settings(month, unit, percent, min, seed,
                c.assignment() == null ? AssignmentMode.ROUND_ROBIN : c.assignment(),
                c.excludeOwnUnit() == null ? properties.excludeOwnUnit() : c.excludeOwnUnit(),
                new Sampling.Targets(!Boolean.FALSE.equals(c.targetComplaints()),
                        !Boolean.FALSE.equals(c.targetDissatisfied()), !Boolean.FALSE.equals(c.targetBreaches())));
    }
}
