package org.gridcare.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.Role;
import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.sla.SlaClocks;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections: scoring by the assigned inspector (never of their own order), the result the staff member sees and
 * may appeal once before the appeal deadline, and a supervisor's decision per appealed item. Data scope: quality
 * roles ({@link #SCOPED_ROLES}) see inspections of their units' subtree; everyone else only their own. Every
 * change is audited and publishes {@link InspectionResultChanged} once a result exists or changes.
 */
@Service
public class Inspections {

    /** The roles that see every inspection of their scope; anyone else sees only inspections of their own work. */
    static final Set<String> SCOPED_ROLES = Set.of("ADMIN", "MANAGER", "SUPERVISOR", "INSPECTOR");
    /** The roles that decide appeals and (re)assign inspections. */
    static final Set<String> DECIDERS = Set.of("ADMIN", "MANAGER", "SUPERVISOR");
    static final String ENTITY = "Inspection";
    public static final Map<String, String> SORTS = sorts();

    private final InspectionRepository inspections;
    private final RubricRepository rubrics;
    private final OrgUnits units;
    private final Users users;
    private final SlaClocks sla;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final QualityProperties properties;
    private final Clock clock;

    Inspections(InspectionRepository inspections, RubricRepository rubrics, OrgUnits units, Users users,
                SlaClocks sla, AuditTrail audit, ApplicationEventPublisher events, QualityProperties properties,
                Clock clock) {
        this.inspections = inspections;
        this.rubrics = rubrics;
        this.units = units;
        this.users = users;
        this.sla = sla;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("createdAt", "created_at");
        sorts.put("occurredAt", "occurred_at");
        sorts.put("scoredAt", "scored_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** The list filters as the API and the console give them. */
    public record Query(InspectionStatus status, InspectionKind kind, Boolean spotChecks, String inspector,
                        String staff, Long planId, String unitCode, Instant from, Instant to) {
    }

    @Transactional(readOnly = true)
    public PageResult<InspectionView> find(Query q, PageQuery page, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        Long unitId = null;
        if (q.unitCode() != null && !q.unitCode().isBlank()) {
            unitId = units.findByCode(q.unitCode().trim()).filter(u -> scope.includes(u.id().value()))
                    .map(u -> u.id().value())
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.quality.unknownUnit", q.unitCode()));
        }
        var filter = new InspectionRepository.Filter(q.status(), q.kind(), q.spotChecks(), blank(q.inspector()),
                blank(q.staff()), q.planId(), unitId, q.from(), q.to());
        Map<Long, String> codes = new HashMap<>();
        Map<Long, RubricVersion> versions = new HashMap<>();
        return inspections.find(filter, scope, ownOnly(actor), actor.username(), page)
                .map(i -> view(i, codes, versions, null, null));
    }

    @Transactional(readOnly = true)
    public InspectionView get(long id, Actor actor) {
        Inspection found = load(id, actor);
        return view(found, new HashMap<>(), new HashMap<>(), inspections.findings(id), actor);
    }

    /** One verdict as entered: the item's code, PASS / FAIL / NOT_APPLICABLE and a comment (required on FAIL). */
    public record FindingInput(String code, FindingResult result, String comment) {
    }

    /** Scores a PENDING inspection: a verdict for every item of its rubric version. Only its inspector may. */
    @Transactional
    public InspectionView score(long id, Integer version, List<FindingInput> findings, String comment, Actor actor) {
        Inspection found = lockVisible(id, actor);
        checkVersion(found, version);
        if (found.status() != InspectionStatus.PENDING) {
            throw new ConflictException("error.quality.notPending", id, found.status());
        }
        if (!actor.username().equals(found.inspector())) {
            throw new ConflictException("error.quality.notYourInspection", id);
        }
        if (actor.username().equals(found.staff()) || actor.username().equals(found.takenBy())) {
            throw new ConflictException("error.quality.ownOrder", id);
        }
        if (comment != null && comment.length() > 4000) {
            throw InvalidInputException.of("comment", "validation.quality.tooLong", 4000);
        }
        RubricVersion rubric = rubrics.find(found.rubricVersionId()).orElseThrow();
        Map<String, FindingInput> byCode = new HashMap<>();
        for (int i = 0; findings != null && i < findings.size(); i++) {
            FindingInput f = findings.get(i);
            if (f == null || f.code() == null || f.result() == null) {
                throw InvalidInputException.of("findings[" + i + "]", "validation.quality.required");
            }
            if (rubric.items().stream().noneMatch(item -> item.code().equals(f.code()))) {
                throw InvalidInputException.of("findings[" + i + "].code", "validation.quality.unknownItem", f.code());
            }
            if (byCode.put(f.code(), f) != null) {
                throw InvalidInputException.of("findings[" + i + "].code", "validation.quality.duplicateCode", f.code());
            }
            if (f.result() == FindingResult.FAIL && (f.comment() == null || f.comment().isBlank())) {
                throw InvalidInputException.of("findings[" + i + "].comment", "validation.quality.failNeedsComment");
            }
            if (f.comment() != null && f.comment().length() > 2000) {
                throw InvalidInputException.of("findings[" + i + "].comment", "validation.quality.tooLong", 2000);
            }
        }
        for (RubricVersion.Item item : rubric.items()) {
            if (!byCode.containsKey(item.code())) {
                throw InvalidInputException.of("findings", "validation.quality.missingItem", item.code());
            }
        }
        List<Scorecard.Line> lines = new ArrayList<>();
        for (RubricVersion.Item item : rubric.items()) {
            FindingInput f = byCode.get(item.code());
            lines.add(new Scorecard.Line(item.points(), item.severity(), f.result(), null));
        }
        Scorecard card = Scorecard.of(lines);
        if (card.score() == null) {
            throw InvalidInputException.of("findings", "validation.quality.nothingApplicable");
        }
        Instant now = Instant.now(clock);
        for (RubricVersion.Item item : rubric.items()) {
            FindingInput f = byCode.get(item.code());
            inspections.insertFinding(id, item.id(), f.result(), blank(f.comment()));
        }
        Instant appealDue = found.staff() == null ? null
                : sla.endOfWorkingDaysAfter(now, properties.appealWorkingDays());
        if (!inspections.scored(id, found.version(), card, blank(comment), now, appealDue)) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        audit.record("INSPECTION_SCORED", ENTITY, String.valueOf(id), "%s %s: score %s of %s points%s%s".formatted(
                found.kind(), subject(found), card.score(), card.max(), card.error() ? ", error" : "",
                card.serious() ? " (serious)" : ""));
        publish(found, card, false, false, now);
        return get(id, actor);
    }

    /** The staff member appeals the failed items named by code, once, until the appeal deadline. */
    @Transactional
    public InspectionView appeal(long id, Integer version, String reason, List<String> itemCodes, Actor actor) {
        Inspection found = lockVisible(id, actor);
        checkVersion(found, version);
        if (!actor.username().equals(found.staff())) {
            throw new ConflictException("error.quality.notYourWork", id);
        }
        if (found.status() != InspectionStatus.SCORED) {
            throw new ConflictException(found.appealedAt() != null ? "error.quality.appealedOnce"
                    : "error.quality.notScored", id, found.status());
        }
        Instant now = Instant.now(clock);
        if (found.appealDueAt() != null && now.isAfter(found.appealDueAt())) {
            throw new ConflictException("error.quality.appealTooLate", found.appealDueAt());
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.quality.required");
        }
        if (reason.length() > 2000) {
            throw InvalidInputException.of("reason", "validation.quality.tooLong", 2000);
        }
        if (itemCodes == null || itemCodes.isEmpty()) {
            throw InvalidInputException.of("items", "validation.quality.appealItemsRequired");
        }
        RubricVersion rubric = rubrics.find(found.rubricVersionId()).orElseThrow();
        Map<Long, Inspection.StoredFinding> byItem = inspections.findings(id).stream()
                .collect(Collectors.toMap(Inspection.StoredFinding::itemId, f -> f));
        Set<String> seen = new HashSet<>();
        List<Long> appealed = new ArrayList<>();
        for (int i = 0; i < itemCodes.size(); i++) {
            String code = itemCodes.get(i);
            Optional<RubricVersion.Item> item = rubric.items().stream().filter(x -> x.code().equals(code)).findFirst();
            if (item.isEmpty() || !seen.add(code)) {
                throw InvalidInputException.of("items[" + i + "]", "validation.quality.unknownItem", code);
            }
            Inspection.StoredFinding f = byItem.get(item.get().id());
            if (f == null || f.result() != FindingResult.FAIL) {
                throw InvalidInputException.of("items[" + i + "]", "validation.quality.appealOnlyFailed", code);
            }
            appealed.add(f.id());
        }
        appealed.forEach(inspections::markAppealed);
        if (!inspections.appealed(id, found.version(), reason.trim(), now)) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        audit.record("INSPECTION_APPEALED", ENTITY, String.valueOf(id), "%s: items %s".formatted(subject(found),
                String.join(", ", itemCodes)));
        return get(id, actor);
    }

    /** A supervisor decides each appealed item; the score and the error are recomputed. */
    @Transactional
    public InspectionView decide(long id, Integer version, Map<String, AppealOutcome> outcomes, String note,
                                 Actor actor) {
        if (DECIDERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("appeals are decided by supervisors");
        }
        Inspection found = lockVisible(id, actor);
        checkVersion(found, version);
        if (found.status() != InspectionStatus.APPEALED) {
            throw new ConflictException("error.quality.notAppealed", id, found.status());
        }
        if (actor.username().equals(found.staff()) || actor.username().equals(found.inspector())) {
            throw new ConflictException("error.quality.decideOwn", id);
        }
        if (note != null && note.length() > 2000) {
            throw InvalidInputException.of("note", "validation.quality.tooLong", 2000);
        }
        RubricVersion rubric = rubrics.find(found.rubricVersionId()).orElseThrow();
        Map<Long, RubricVersion.Item> items = rubric.items().stream()
                .collect(Collectors.toMap(RubricVersion.Item::id, x -> x));
        List<Inspection.StoredFinding> findings = inspections.findings(id);
        Map<String, AppealOutcome> given = outcomes == null ? Map.of() : outcomes;
        List<Scorecard.Line> lines = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Inspection.StoredFinding f : findings) {
            RubricVersion.Item item = items.get(f.itemId());
            AppealOutcome outcome = null;
            if (f.appealed()) {
                outcome = given.get(item.code());
                if (outcome == null) {
                    throw InvalidInputException.of("outcomes", "validation.quality.outcomeMissing", item.code());
                }
                inspections.decideFinding(f.id(), outcome);
                summary.add(item.code() + " " + outcome);
            }
            lines.add(new Scorecard.Line(item.points(), item.severity(), f.result(), outcome));
        }
        for (String code : given.keySet()) {
            boolean appealedItem = findings.stream().anyMatch(f -> f.appealed() && items.get(f.itemId()).code().equals(code));
            if (!appealedItem) {
                throw InvalidInputException.of("outcomes", "validation.quality.notAppealedItem", code);
            }
        }
        Scorecard card = Scorecard.of(lines);
        Instant now = Instant.now(clock);
        if (!inspections.decided(id, found.version(), card, actor.username(), blank(note), now)) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        audit.record("INSPECTION_APPEAL_DECIDED", ENTITY, String.valueOf(id), "%s: %s; score %s → %s%s".formatted(
                subject(found), String.join(", ", summary), found.score(), card.score(),
                card.error() ? ", error stands" : ", no error"));
        publish(found, card, found.error(), true, now);
        return get(id, actor);
    }

    /** (Re)assigns a PENDING inspection to an inspector who may inspect it. */
    @Transactional
    public InspectionView assign(long id, Integer version, String inspector, Actor actor) {
        if (DECIDERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("inspections are assigned by supervisors");
        }
        Inspection found = lockVisible(id, actor);
        checkVersion(found, version);
        if (found.status() != InspectionStatus.PENDING) {
            throw new ConflictException("error.quality.notPending", id, found.status());
        }
        Assignment.Inspector chosen = inspector(inspector, actor).orElseThrow(() ->
                InvalidInputException.of("inspector", "validation.quality.unknownInspector", inspector));
        if (!Assignment.eligible(chosen, found.unitId(), found.staff(), found.takenBy(), false)) {
            throw InvalidInputException.of("inspector", "validation.quality.inspectorNotEligible", inspector);
        }
        if (!inspections.assign(id, found.version(), chosen.username(), Instant.now(clock))) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        audit.record("INSPECTION_ASSIGNED", ENTITY, String.valueOf(id), "%s → %s".formatted(subject(found),
                chosen.username()));
        return get(id, actor);
    }

    /** A spot check outside orders, inspected by the caller (an inspector) against the rubric of an order type. */
    public record NewSpotCheck(InspectionKind kind, WorkOrderType rubricType, String unitCode, String staffUsername,
                               String subjectRef, Instant occurredAt) {
    }

    @Transactional
    public InspectionView createSpotCheck(NewSpotCheck command, Actor actor) {
        if (!actor.hasRole("INSPECTOR")) {
            throw new AccessDeniedException("spot checks are recorded by inspectors");
        }
        if (command.kind() == null || !command.kind().isSpotCheck()) {
            throw InvalidInputException.of("kind", "validation.quality.spotKind");
        }
        if (command.rubricType() == null) {
            throw InvalidInputException.of("rubricType", "validation.quality.required");
        }
        String subject = blank(command.subjectRef());
        if (subject == null) {
            throw InvalidInputException.of("subjectRef", "validation.quality.required");
        }
        if (subject.length() > 200) {
            throw InvalidInputException.of("subjectRef", "validation.quality.tooLong", 200);
        }
        DataScope scope = units.scopeOf(actor);
        String code = blank(command.unitCode());
        if (code == null) {
            throw InvalidInputException.of("unitCode", "validation.quality.required");
        }
        OrgUnit unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.quality.unknownUnit", code));
        String staff = blank(command.staffUsername());
        if (staff != null) {
            UserView user;
            try {
                user = users.get(staff, actor);
            } catch (NotFoundException e) {
                throw InvalidInputException.of("staffUsername", "validation.quality.unknownStaff", staff);
            }
            staff = user.username();
            if (staff.equals(actor.username())) {
                throw InvalidInputException.of("staffUsername", "validation.quality.ownWork");
            }
        }
        Instant now = Instant.now(clock);
        Instant occurred = command.occurredAt() == null ? now : command.occurredAt();
        if (occurred.isAfter(now)) {
            throw InvalidInputException.of("occurredAt", "validation.quality.inFuture");
        }
        RubricVersion rubric = rubrics.inForce(command.rubricType(), occurred).orElseThrow(() ->
                InvalidInputException.of("rubricType", "validation.quality.noRubric", command.rubricType()));
        long id = inspections.insert(new Inspection.New(command.kind(), null, null, null, command.rubricType().name(),
                unit.id().value(), staff, null, List.of("SPOT_CHECK"), subject, occurred, actor.username(), rubric.id()),
                actor.username(), now);
        audit.record("SPOT_CHECK_CREATED", ENTITY, String.valueOf(id), "%s %s at %s, unit %s%s, rubric %s v%d".formatted(
                command.kind(), subject, occurred, unit.code(), staff == null ? "" : ", staff " + staff,
                rubric.orderType(), rubric.number()));
        return get(id, actor);
    }

    /** Spot checks scored in a period, per kind: counted apart from the order error rate. */
    @Transactional(readOnly = true)
    public List<InspectionRepository.SpotSummary> spotSummary(Instant from, Instant to, Actor actor) {
        return inspections.spotSummary(units.scopeOf(actor), from, to);
    }

    // ---- inspectors

    /** The enabled inspectors the actor may see, with their units and scopes. */
    List<Assignment.Inspector> inspectors(Actor actor) {
        List<Assignment.Inspector> result = new ArrayList<>();
        Map<String, Optional<OrgUnit>> byCode = new HashMap<>();
        for (int page = 0; ; page++) {
            PageResult<UserView> found = users.find(null, Role.INSPECTOR, true,
                    PageQuery.of(page, PageQuery.MAX_SIZE, "username", Users.SORTS), actor);
            for (UserView u : found.items()) {
                byCode.computeIfAbsent(u.unitCode(), units::findByCode).ifPresent(unit -> result.add(
                        new Assignment.Inspector(u.username(), unit.id().value(), units.subtreeIds(unit.id()))));
            }
            if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.total()) {
                return result;
            }
        }
    }

    private Optional<Assignment.Inspector> inspector(String username, Actor actor) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return inspectors(actor).stream().filter(i -> i.username().equals(username.trim())).findFirst();
    }

    // ---- helpers

    private void publish(Inspection found, Scorecard card, boolean errorBefore, boolean appealDecided, Instant at) {
        events.publishEvent(new InspectionResultChanged(found.id(), found.kind(), found.orderId(), found.orderNumber(),
                found.staff(), found.unitId(), card.error(), card.serious(), errorBefore, card.score(), appealDecided,
                at));
    }

    static boolean ownOnly(Actor actor) {
        return SCOPED_ROLES.stream().noneMatch(actor::hasRole);
    }

    private Inspection load(long id, Actor actor) {
        Inspection found = inspections.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        return visible(found, actor);
    }

    private Inspection lockVisible(long id, Actor actor) {
        Inspection found = inspections.lock(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        return visible(found, actor);
    }

    private Inspection visible(Inspection found, Actor actor) {
        boolean inScope = units.scopeOf(actor).includes(found.unitId());
        boolean own = actor.username().equals(found.staff());
        if (!inScope || (ownOnly(actor) && !own)) {
            throw new NotFoundException(ENTITY, found.id());
        }
        return found;
    }

    private static void checkVersion(Inspection found, Integer version) {
        if (version == null) {
            throw InvalidInputException.of("version", "validation.quality.required");
        }
        if (version != found.version()) {
            throw ConflictException.staleVersion(ENTITY, found.id());
        }
    }

    private static String subject(Inspection i) {
        return i.orderNumber() != null ? i.orderNumber() : i.subjectRef();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private InspectionView view(Inspection i, Map<Long, String> codes, Map<Long, RubricVersion> versions,
                                List<Inspection.StoredFinding> findings, Actor actor) {
        String unitCode = codes.computeIfAbsent(i.unitId(), id -> units.findById(new OrgUnitId(id))
                .map(OrgUnit::code).orElse(String.valueOf(id)));
        RubricVersion rubric = versions.computeIfAbsent(i.rubricVersionId(), id -> rubrics.find(id).orElseThrow());
        List<InspectionView.Finding> shown = null;
        List<String> actions = null;
        if (findings != null) {
            Map<Long, Inspection.StoredFinding> byItem = findings.stream()
                    .collect(Collectors.toMap(Inspection.StoredFinding::itemId, f -> f));
            shown = new ArrayList<>();
            for (RubricVersion.Item item : rubric.items()) {
                Inspection.StoredFinding f = byItem.get(item.id());
                shown.add(new InspectionView.Finding(item.id(), item.code(), item.name(), item.nameEn(), item.points(),
                        item.severity(), f == null ? null : f.result(), f == null ? null : f.comment(),
                        f != null && f.appealed(), f == null ? null : f.outcome()));
            }
            actions = actions(i, actor);
        }
        return new InspectionView(i.id(), i.kind(), i.planId(), i.orderNumber(), i.orderType(), unitCode, i.staff(),
                i.reasons(), i.subjectRef(), i.occurredAt(), i.inspector(), rubric.id(), rubric.number(),
                rubric.title(), i.status(), i.earnedPoints(), i.maxPoints(), i.score(), i.error(), i.serious(),
                i.comment(), i.scoredAt(), i.appealDueAt(), i.appealReason(), i.appealedAt(), i.decidedBy(),
                i.decidedAt(), i.decisionNote(), i.createdBy(), i.createdAt(), i.version(), shown, actions);
    }

    private List<String> actions(Inspection i, Actor actor) {
        List<String> actions = new ArrayList<>();
        if (actor == null) {
            return actions;
        }
        Instant now = Instant.now(clock);
        if (i.status() == InspectionStatus.PENDING && actor.username().equals(i.inspector())
                && !actor.username().equals(i.staff()) && !actor.username().equals(i.takenBy())) {
            actions.add("score");
        }
        if (i.status() == InspectionStatus.PENDING && DECIDERS.stream().anyMatch(actor::hasRole)) {
            actions.add("assign");
        }
        if (i.status() == InspectionStatus.SCORED && actor.username().equals(i.staff()) && i.error()
                && (i.appealDueAt() == null || !now.isAfter(i.appealDueAt()))) {
            actions.add("appeal");
        }
        if (i.status() == InspectionStatus.APPEALED && DECIDERS.stream().anyMatch(actor::hasRole)
                && !actor.username().equals(i.staff()) && !actor.username().equals(i.inspector())) {
            actions.add("decide");
        }
        return actions;
    }
}
