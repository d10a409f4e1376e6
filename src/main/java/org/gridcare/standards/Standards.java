package org.gridcare.standards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.SystemActor;
import org.gridcare.quality.FindingSeverity;
import org.gridcare.quality.NewRubricVersion;
import org.gridcare.quality.Rubrics;
import org.gridcare.sla.ClockClause;
import org.gridcare.sla.ClockClauses;
import org.gridcare.standards.StandardCommands.ActionInput;
import org.gridcare.standards.StandardCommands.DraftInput;
import org.gridcare.standards.StandardCommands.NewStandard;
import org.gridcare.standards.StandardCommands.StandardChanges;
import org.gridcare.standards.StandardCommands.VersionAction;
import org.gridcare.workorder.ReplyRequirements;
import org.gridcare.workorder.ReplyRequirements.ReplyElement;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service standards library: standards and their versions through drafting, review, approval, publication
 * (now or at a future effective date) and retirement; proposals, attachments, read-and-acknowledge tasks and
 * review reminders. Every change is audited in its transaction. Publishing a version hands its clauses to the
 * sla module (clock rules), the workorder module (reply requirements) and the quality module (one inspection
 * rubric version per order type), effective from the version's date. Retiring the version in force ends them
 * from that moment: new orders get the clock rules in force before the standard's (running orders keep their
 * clocks), the reply requirements and the rubric of each order type fall back to the latest set / version that
 * did not come from the standard (no requirement, or the type's rubric unchanged when there is none).
 *
 * <p>Who may do what: every signed-in staff member reads the library (a standard binds people across units);
 * the owners (ADMIN, or a SUPERVISOR/MANAGER whose scope holds the owner unit — for a company standard, whose
 * unit is the top of the organisation) create standards, draft and submit versions and handle proposals; a
 * SUPERVISOR/MANAGER/ADMIN other than the version's author approves or rejects; MANAGER/ADMIN with the owner
 * unit in scope publish and retire.
 */
@Service
class Standards {

    static final String ENTITY = "Standard";
    static final int MAX_BODY = 100_000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){1,3}");
    private static final Pattern ELEMENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final StandardRepository repository;
    private final OrgUnits units;
    private final Users users;
    private final ClockClauses clockClauses;
    private final ReplyRequirements replyRequirements;
    private final Rubrics rubrics;
    private final MarkdownRendering markdown;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final StandardsProperties properties;
    private final Clock clock;

    Standards(StandardRepository repository, OrgUnits units, Users users, ClockClauses clockClauses,
              ReplyRequirements replyRequirements, Rubrics rubrics, MarkdownRendering markdown, AuditTrail audit,
              ApplicationEventPublisher events, StandardsProperties properties, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.users = users;
        this.clockClauses = clockClauses;
        this.replyRequirements = replyRequirements;
        this.rubrics = rubrics;
        this.markdown = markdown;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<StandardViews.Summary> library(StandardCategory category) {
        LocalDate today = today();
        return repository.all(category).stream().map(s -> {
            Optional<StandardVersion> inForce = repository.inForce(s.id());
            Optional<StandardVersion> open = repository.openRevision(s.id());
            return new StandardViews.Summary(s.code(), s.title(), s.category(), ownerCode(s),
                    inForce.map(StandardVersion::number).orElse(null),
                    inForce.map(StandardVersion::effectiveFrom).orElse(null),
                    open.map(StandardVersion::number).orElse(null), open.map(StandardVersion::status).orElse(null),
                    open.filter(StandardVersion::scheduled).map(StandardVersion::effectiveFrom).orElse(null),
                    s.nextReviewOn(), inForce.isPresent() && reviewDue(s, today));
        }).toList();
    }

    @Transactional(readOnly = true)
    public StandardViews.Detail detail(String code, Actor actor) {
        Standard s = load(code);
        List<StandardVersion> versions = repository.versions(s.id());
        Optional<StandardVersion> inForce = versions.stream().filter(v -> v.status() == VersionStatus.PUBLISHED)
                .findFirst();
        Optional<OrgUnit> owner = s.ownerUnitId() == null ? Optional.empty()
                : units.findById(new OrgUnitId(s.ownerUnitId()));
        return new StandardViews.Detail(s.code(), s.title(), s.category(), owner.map(OrgUnit::code).orElse(null),
                owner.map(OrgUnit::name).orElse(null), unitCodes(s.scopeUnitIds()), s.scopeRoles(),
                s.reviewIntervalMonths(), s.nextReviewOn(), inForce.isPresent() && reviewDue(s, today()),
                versions.stream().map(v -> new StandardViews.VersionRow(v.number(), v.status(), v.author(),
                        v.changeNote(), v.createdAt(), v.approvedBy(), v.effectiveFrom(), v.endedAt(),
                        v.scheduled())).toList(),
                inForce.map(v -> versionDetail(s, v, actor)).orElse(null), repository.proposals(s.id()),
                repository.attachments(s.id()), acknowledgementSummary(inForce.orElse(null), actor),
                new StandardViews.Permissions(isOwner(s, actor), isReviewer(actor), isPublisher(s, actor),
                        seesAcknowledgements(actor)),
                s.version());
    }

    @Transactional(readOnly = true)
    public StandardViews.VersionDetail version(String code, int number, Actor actor) {
        Standard s = load(code);
        return versionDetail(s, loadVersion(s, number), actor);
    }

    @Transactional(readOnly = true)
    public StandardViews.Diff diff(String code, int from, int to) {
        Standard s = load(code);
        StandardVersion left = loadVersion(s, from);
        StandardVersion right = loadVersion(s, to);
        List<StandardViews.DiffRow> rows = VersionDiff.rows(left.body(), repository.clauses(left.id()), right.body(),
                repository.clauses(right.id()));
        int changes = (int) rows.stream().filter(r -> !"EQUAL".equals(r.tag())).count();
        return new StandardViews.Diff(s.code(), from, to, rows, changes);
    }

    /** The caller's open read-and-acknowledge tasks. */
    @Transactional(readOnly = true)
    public List<StandardViews.Task> tasks(Actor actor) {
        return repository.pendingTasks(actor.userId());
    }

    @Transactional(readOnly = true)
    public List<StandardViews.Notice> notices(Actor actor) {
        return repository.notices(actor.username(), 50);
    }

    @Transactional
    public int markNoticesRead(Actor actor) {
        return repository.markNoticesRead(actor.username(), now());
    }

    /** The safe HTML of a Markdown text (the preview of a draft). */
    public String render(String body) {
        return markdown.toSafeHtml(body);
    }

    // ---- creating and changing standards

    @Transactional
    public StandardViews.Detail create(NewStandard command, Actor actor) {
        List<Violation> errors = new ArrayList<>();
        String code = command.code() == null ? null : command.code().trim().toUpperCase(java.util.Locale.ROOT);
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new Violation("code", "standards.validation.code"));
        } else if (repository.findByCode(code).isPresent()) {
            errors.add(new Violation("code", "standards.validation.codeTaken", code));
        }
        String title = text(command.title(), "title", 200, true, errors);
        if (command.category() == null) {
            errors.add(new Violation("category", "standards.validation.required"));
        }
        DataScope scope = units.scopeOf(actor);
        Long ownerUnitId = null;
        String ownerCode = blankToNull(command.ownerUnitCode());
        if (ownerCode != null) {
            ownerUnitId = units.findByCode(ownerCode).filter(u -> scope.includes(u.id().value()))
                    .map(u -> u.id().value()).orElse(null);
            if (ownerUnitId == null) {
                errors.add(new Violation("ownerUnitCode", "standards.validation.unknownUnit", ownerCode));
            }
        } else {
            ownerUnitId = actor.unitId();
        }
        List<Long> scopeUnits = scopeUnits(command.scopeUnitCodes(), errors);
        Set<String> roles = roles(command.scopeRoles(), errors);
        int interval = interval(command.reviewIntervalMonths(), errors);
        String body = text(command.body(), "body", MAX_BODY, true, errors);
        String note = text(command.changeNote(), "changeNote", 1000, false, errors);
        Clauses clauses = command.clauses() == null ? Clauses.none() : command.clauses();
        checkClauses(clauses, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!hasAnyRole(actor, "ADMIN", "MANAGER", "SUPERVISOR")) {
            throw new AccessDeniedException("standards: only supervisors, managers and administrators create standards");
        }
        Instant now = now();
        Standard created = new Standard(0, code, title, command.category(), ownerUnitId, scopeUnits, roles, interval,
                null, null, actor.username(), now, now, 0);
        long id = repository.insertStandard(created);
        long versionId = repository.insertVersion(id, 1, body, note, actor.username(), now);
        repository.replaceClauses(versionId, clauses);
        audit.record("STANDARD_CREATED", ENTITY, code, "%s %s, owner unit %s, draft v1".formatted(command.category(),
                title, ownerUnitId));
        return detail(code, actor);
    }

    @Transactional
    public StandardViews.Detail change(String code, StandardChanges changes, Actor actor) {
        Standard s = load(code);
        requireOwner(s, actor);
        checkVersion(changes.version(), s.version(), code);
        List<Violation> errors = new ArrayList<>();
        String title = changes.title() == null ? s.title() : text(changes.title(), "title", 200, true, errors);
        List<Long> scopeUnits = changes.scopeUnitCodes() == null ? s.scopeUnitIds()
                : scopeUnits(changes.scopeUnitCodes(), errors);
        Set<String> roles = changes.scopeRoles() == null ? s.scopeRoles() : roles(changes.scopeRoles(), errors);
        int interval = changes.reviewIntervalMonths() == null ? s.reviewIntervalMonths()
                : interval(changes.reviewIntervalMonths(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate nextReview = s.nextReviewOn();
        Optional<StandardVersion> inForce = repository.inForce(s.id());
        if (interval != s.reviewIntervalMonths() && inForce.isPresent()) {
            nextReview = inForce.get().effectiveFrom().atZone(BusinessTime.ZONE).toLocalDate().plusMonths(interval);
        }
        Standard changed = new Standard(s.id(), s.code(), title,
                changes.category() == null ? s.category() : changes.category(), s.ownerUnitId(), scopeUnits, roles,
                interval, nextReview, s.reviewRemindedOn(), s.createdBy(), s.createdAt(), s.updatedAt(), s.version());
        if (!repository.updateStandard(changed, now())) {
            throw ConflictException.staleVersion(ENTITY, code);
        }
        audit.record("STANDARD_CHANGED", ENTITY, code, "title %s, scope units %s, roles %s, review every %d months"
                .formatted(title, scopeUnits, roles, interval));
        return detail(code, actor);
    }

    // ---- drafting

    /** A new draft revision, copied from the version in force (or the latest version). One open revision at a time. */
    @Transactional
    public StandardViews.VersionDetail newRevision(String code, String changeNote, Actor actor) {
        Standard s = load(code);
        requireOwner(s, actor);
        return versionDetail(s, startRevision(s, changeNote, actor), actor);
    }

    private StandardVersion startRevision(Standard s, String changeNote, Actor actor) {
        Optional<StandardVersion> open = repository.openRevision(s.id());
        if (open.isPresent()) {
            throw new ConflictException("standards.error.openRevision", s.code(), open.get().number());
        }
        List<Violation> errors = new ArrayList<>();
        String note = text(changeNote, "changeNote", 1000, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StandardVersion base = repository.inForce(s.id())
                .orElseGet(() -> repository.versions(s.id()).stream().findFirst().orElseThrow());
        int number = repository.nextNumber(s.id());
        Instant now = now();
        long id = repository.insertVersion(s.id(), number, base.body(), note, actor.username(), now);
        repository.replaceClauses(id, repository.clauses(base.id()));
        audit.record("STANDARD_DRAFT_CREATED", ENTITY, s.code(), "v%d from v%d".formatted(number, base.number()));
        return repository.versionById(id).orElseThrow();
    }

    @Transactional
    public StandardViews.VersionDetail editDraft(String code, int number, DraftInput input, Actor actor) {
        Standard s = load(code);
        StandardVersion v = loadVersion(s, number);
        requireOwner(s, actor);
        checkVersion(input.version(), v.version(), code + " v" + number);
        if (v.status() != VersionStatus.DRAFT) {
            throw new ConflictException("standards.error.notDraft", code, number);
        }
        List<Violation> errors = new ArrayList<>();
        String body = text(input.body(), "body", MAX_BODY, true, errors);
        String note = text(input.changeNote(), "changeNote", 1000, false, errors);
        Clauses clauses = input.clauses() == null ? repository.clauses(v.id()) : input.clauses();
        checkClauses(clauses, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StandardVersion changed = with(v, VersionStatus.DRAFT, body, note);
        if (!repository.updateVersion(changed, now())) {
            throw ConflictException.staleVersion(ENTITY, code + " v" + number);
        }
        repository.replaceClauses(v.id(), clauses);
        audit.record("STANDARD_DRAFT_EDITED", ENTITY, code,
                "v%d: %d characters, %d clock, %d reply and %d rubric clauses (%d items)".formatted(number,
                        body.length(), clauses.clocks().size(), clauses.replyElements().size(),
                        clauses.rubrics().size(), clauses.rubrics().stream().mapToInt(r -> r.items().size()).sum()));
        return version(code, number, actor);
    }

    // ---- the flow of a version

    @Transactional
    public StandardViews.VersionDetail act(String code, int number, VersionAction action, ActionInput input,
                                           Actor actor) {
        Standard s = repository.lock(load(code).id());
        StandardVersion v = loadVersion(s, number);
        checkVersion(input.version(), v.version(), code + " v" + number);
        String comment = blankToNull(input.comment());
        if (comment != null && comment.length() > 4000) {
            throw InvalidInputException.of("comment", "standards.validation.tooLong", 4000);
        }
        Instant now = now();
        switch (action) {
            case SUBMIT -> {
                requireOwner(s, actor);
                requireStatus(v, VersionStatus.DRAFT);
                save(new StandardVersion(v.id(), v.standardId(), v.number(), VersionStatus.IN_REVIEW, v.body(),
                        v.changeNote(), v.author(), v.createdAt(), v.updatedAt(), now, null, null, null, null, null,
                        null, null, v.version()), now);
                repository.insertReview(v.id(), actor.username(), "SUBMIT", comment, now);
                notifyAll(reviewersOf(s), s, v, "REVIEW_REQUESTED", actor.username(), now);
            }
            case COMMENT -> {
                if (comment == null) {
                    throw InvalidInputException.of("comment", "standards.validation.required");
                }
                if (!v.status().open()) {
                    throw new ConflictException("standards.error.closedVersion", code, number);
                }
                repository.insertReview(v.id(), actor.username(), "COMMENT", comment, now);
            }
            case APPROVE, REJECT -> {
                if (!isReviewer(actor)) {
                    throw new AccessDeniedException("standards: reviewers are supervisors, managers or administrators");
                }
                requireStatus(v, VersionStatus.IN_REVIEW);
                if (v.author().equalsIgnoreCase(actor.username())) {
                    throw new ConflictException("standards.error.ownReview", code, number);
                }
                if (action == VersionAction.REJECT && comment == null) {
                    throw InvalidInputException.of("comment", "standards.validation.rejectReason");
                }
                boolean approved = action == VersionAction.APPROVE;
                save(new StandardVersion(v.id(), v.standardId(), v.number(),
                        approved ? VersionStatus.APPROVED : VersionStatus.DRAFT, v.body(), v.changeNote(), v.author(),
                        v.createdAt(), v.updatedAt(), v.submittedAt(), approved ? actor.username() : null,
                        approved ? now : null, null, null, null, null, null, v.version()), now);
                repository.insertReview(v.id(), actor.username(), action.name(), comment, now);
                repository.insertNotice(v.author(), s.id(), v.id(), approved ? "APPROVED" : "REJECTED", now);
            }
            case PUBLISH -> publish(s, v, input.effectiveFrom(), actor, now);
            case RETIRE -> {
                requirePublisher(s, actor);
                requireStatus(v, VersionStatus.PUBLISHED);
                // statutory time limits never lapse by a retirement: a reviewed version (or another standard) that
                // carries or drops them comes first
                List<String> lost = clockClauses.lostOnWithdrawal(s.code());
                if (!lost.isEmpty()) {
                    throw new ConflictException("standards.error.retireDropsClocks", s.code(), v.number(),
                            String.join(", ", lost));
                }
                save(with(v, VersionStatus.RETIRED, now), now);
                endRules(s, v, now, actor);
            }
        }
        audit.record("STANDARD_VERSION_" + action.name(), ENTITY, code, "v%d %s → %s%s".formatted(number, v.status(),
                repository.versionById(v.id()).orElseThrow().status(), comment == null ? "" : ": " + comment));
        return version(code, number, actor);
    }

    private void publish(Standard s, StandardVersion v, Instant requestedFrom, Actor actor, Instant now) {
        requirePublisher(s, actor);
        requireStatus(v, VersionStatus.APPROVED);
        if (v.effectiveFrom() != null) {
            throw new ConflictException("standards.error.alreadyScheduled", s.code(), v.number(), v.effectiveFrom());
        }
        // an effective moment is kept to the second (and the database keeps microseconds)
        Instant effectiveFrom = (requestedFrom == null ? now : requestedFrom).truncatedTo(ChronoUnit.SECONDS);
        if (effectiveFrom.isBefore(now.minusSeconds(60))) {
            throw InvalidInputException.of("effectiveFrom", "standards.validation.effectiveInPast");
        }
        if (effectiveFrom.isBefore(now)) {
            effectiveFrom = now.truncatedTo(ChronoUnit.MICROS);
        }
        Clauses clauses = repository.clauses(v.id());
        String ref = ref(s, v);
        Integer policy = null;
        if (!clauses.clocks().isEmpty()) {
            policy = clockClauses.publish(clauses.clocks(), effectiveFrom, ref,
                    "服务标准 " + ref + (v.changeNote() == null ? "" : "：" + v.changeNote()), actor);
        } else {
            // the clock rules an earlier version set end with this one
            policy = clockClauses.withdraw(s.code(), effectiveFrom, "服务标准 " + ref + " 无时限条款", actor)
                    .orElse(null);
        }
        Set<String> types = new LinkedHashSet<>(replyTypes(clauses));
        repository.inForce(s.id()).ifPresent(current -> types.addAll(replyTypes(repository.clauses(current.id()))));
        for (String type : types) {
            List<ReplyElement> elements = clauses.replyElements().stream().filter(r -> r.orderType().equals(type))
                    .map(r -> new ReplyElement(r.code(), r.label(), r.keywords())).toList();
            if (elements.isEmpty()) {
                replyRequirements.withdraw(type, s.code(), effectiveFrom, actor);
            } else {
                replyRequirements.publish(type, elements, effectiveFrom, ref, actor);
            }
        }
        // a rubric's effective moment is never in the past for the quality module: "now" is its own now
        Instant rubricFrom = effectiveFrom.isAfter(now) ? effectiveFrom : null;
        Set<String> rubricTypes = new LinkedHashSet<>();
        for (Clauses.RubricClause r : clauses.rubrics()) {
            rubrics.publish(rubricVersion(s, v, r), rubricFrom, ref, actor);
            rubricTypes.add(r.orderType());
        }
        repository.inForce(s.id()).ifPresent(current -> repository.clauses(current.id()).rubrics().stream()
                .map(Clauses.RubricClause::orderType).filter(t -> !rubricTypes.contains(t))
                .forEach(t -> rubrics.withdraw(WorkOrderType.valueOf(t), s.code(), rubricFrom, actor)));
        StandardVersion scheduled = new StandardVersion(v.id(), v.standardId(), v.number(), v.status(), v.body(),
                v.changeNote(), v.author(), v.createdAt(), v.updatedAt(), v.submittedAt(), v.approvedBy(),
                v.approvedAt(), effectiveFrom, actor.username(), now, null, policy, v.version());
        save(scheduled, now);
        if (!effectiveFrom.isAfter(now)) {
            switchTo(s, repository.versionById(v.id()).orElseThrow(), now);
        }
    }

    /**
     * Puts a scheduled version in force: the version in force until now is superseded, the review date moves, the
     * bound staff get a read-and-acknowledge task and a notice, and {@link StandardPublished} is published.
     */
    private void switchTo(Standard s, StandardVersion v, Instant now) {
        Instant effective = v.effectiveFrom();
        repository.inForce(s.id()).ifPresent(current -> {
            save(with(current, VersionStatus.SUPERSEDED, effective), now);
            audit.record("STANDARD_VERSION_SUPERSEDED", ENTITY, s.code(), "v%d superseded by v%d at %s"
                    .formatted(current.number(), v.number(), effective));
        });
        save(with(v, VersionStatus.PUBLISHED, null), now);
        LocalDate nextReview = effective.atZone(BusinessTime.ZONE).toLocalDate().plusMonths(s.reviewIntervalMonths());
        Standard current = repository.findById(s.id()).orElseThrow();
        repository.updateStandard(new Standard(current.id(), current.code(), current.title(), current.category(),
                current.ownerUnitId(), current.scopeUnitIds(), current.scopeRoles(), current.reviewIntervalMonths(),
                nextReview, null, current.createdBy(), current.createdAt(), current.updatedAt(), current.version()), now);
        List<StaffMember> bound = boundStaff(current);
        Instant due = effective.plus(Duration.ofDays(properties.acknowledgeDays()));
        for (StaffMember member : bound) {
            repository.insertAcknowledgement(v.id(), member.userId(), member.username(), member.displayName(),
                    member.unitId(), now, due);
            repository.insertNotice(member.username(), s.id(), v.id(), "PUBLISHED", now);
        }
        audit.record("STANDARD_VERSION_IN_FORCE", ENTITY, s.code(), "v%d in force from %s; %d staff asked to acknowledge by %s"
                .formatted(v.number(), effective, bound.size(), due));
        events.publishEvent(new StandardPublished(s.id(), s.code(), v.id(), v.number(), effective,
                bound.stream().map(StaffMember::userId).toList()));
    }

    /**
     * Ends the live rules of a retired version from {@code now}: the clock rules, reply requirements and rubrics
     * that came from the standard give way to those in force before it (see the class comment).
     */
    private void endRules(Standard s, StandardVersion v, Instant now, Actor actor) {
        String ref = ref(s, v);
        Optional<Integer> policy = clockClauses.withdraw(s.code(), now, "服务标准 " + ref + " 废止，其时限条款停止执行",
                actor);
        List<String> replyTypes = new ArrayList<>();
        List<String> rubricTypes = new ArrayList<>();
        for (WorkOrderType type : WorkOrderType.values()) {
            if (replyRequirements.withdraw(type.name(), s.code(), now, actor)) {
                replyTypes.add(type.name());
            }
            // null: the quality module's own now (it refuses a moment in the past, even by a microsecond)
            rubrics.withdraw(type, s.code(), null, actor).ifPresent(r -> rubricTypes.add(type.name()));
        }
        audit.record("STANDARD_RULES_ENDED", ENTITY, s.code(), "v%d retired at %s: %s; reply requirements of %s; rubrics of %s"
                .formatted(v.number(), now, policy.map(n -> "SLA policy v" + n + " without its clock rules")
                        .orElse("no clock rule in force"), replyTypes, rubricTypes));
    }

    /** A rubric clause as the quality module's rubric version (title: the clause's, else the standard's). */
    private static NewRubricVersion rubricVersion(Standard s, StandardVersion v, Clauses.RubricClause r) {
        String title = blankToNull(r.title()) != null ? r.title().trim()
                : s.title() + "（" + ref(s, v) + "）";
        return new NewRubricVersion(parse(WorkOrderType.class, r.orderType()), title, "服务标准 " + ref(s, v),
                r.items().stream().map(Standards::rubricItem).toList());
    }

    private static NewRubricVersion.Item rubricItem(Clauses.RubricItem i) {
        return i == null ? null : new NewRubricVersion.Item(trim(i.code()), trim(i.name()), blankToNull(i.nameEn()),
                blankToNull(i.description()), i.points(), parse(FindingSeverity.class, i.severity()));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Puts in force every scheduled version whose effective moment has come; returns how many. */
    @Transactional
    public int switchDue(Instant now) {
        int switched = 0;
        for (StandardVersion due : repository.dueForSwitch(now)) {
            Standard s = repository.lock(due.standardId());
            Optional<StandardVersion> fresh = repository.versionById(due.id()).filter(StandardVersion::scheduled);
            if (fresh.isPresent()) {
                switchTo(s, fresh.get(), now);
                switched++;
            }
        }
        return switched;
    }

    /** Tells the owners of every standard in force whose review date has come, once per review date. */
    @Transactional
    public int remindReviews(Instant now) {
        LocalDate today = now.atZone(BusinessTime.ZONE).toLocalDate();
        int reminded = 0;
        for (Standard due : repository.dueForReview(today)) {
            Standard s = repository.lock(due.id());
            Long versionId = repository.inForce(s.id()).map(StandardVersion::id).orElse(null);
            List<String> owners = ownersOf(s);
            owners.forEach(owner -> repository.insertNotice(owner, s.id(), versionId, "REVIEW_DUE", now));
            repository.updateStandard(new Standard(s.id(), s.code(), s.title(), s.category(), s.ownerUnitId(),
                    s.scopeUnitIds(), s.scopeRoles(), s.reviewIntervalMonths(), s.nextReviewOn(), today,
                    s.createdBy(), s.createdAt(), s.updatedAt(), s.version()), now);
            audit.record("STANDARD_REVIEW_DUE", ENTITY, s.code(), "review due %s; reminded %s"
                    .formatted(s.nextReviewOn(), owners));
            reminded++;
        }
        return reminded;
    }

    // ---- acknowledgements, proposals, attachments

    @Transactional
    public StandardViews.Detail acknowledge(String code, Actor actor) {
        Standard s = load(code);
        StandardVersion inForce = repository.inForce(s.id())
                .orElseThrow(() -> new ConflictException("standards.error.notInForce", code));
        if (!repository.acknowledge(inForce.id(), actor.userId(), now())) {
            throw new ConflictException("standards.error.nothingToAcknowledge", code, inForce.number());
        }
        audit.record("STANDARD_ACKNOWLEDGED", ENTITY, code, "v%d read and acknowledged".formatted(inForce.number()));
        return detail(code, actor);
    }

    @Transactional
    public StandardViews.Proposal propose(String code, String body, Actor actor) {
        Standard s = load(code);
        List<Violation> errors = new ArrayList<>();
        String text = text(body, "body", 4000, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = now();
        long id = repository.insertProposal(s.id(), actor.username(), text, now);
        ownersOf(s).forEach(owner -> repository.insertNotice(owner, s.id(), null, "PROPOSAL", now));
        audit.record("STANDARD_CHANGE_PROPOSED", ENTITY, code, "proposal " + id);
        return repository.proposal(s.id(), id).orElseThrow();
    }

    /** The owner turns a proposal into a draft (or the open draft, if one exists), or dismisses it. */
    @Transactional
    public StandardViews.Proposal handleProposal(String code, long id, boolean adopt, Actor actor) {
        Standard s = load(code);
        requireOwner(s, actor);
        StandardViews.Proposal proposal = repository.proposal(s.id(), id)
                .orElseThrow(() -> new NotFoundException("Proposal", id));
        if (!"OPEN".equals(proposal.status())) {
            throw new ConflictException("standards.error.proposalHandled", id);
        }
        Long draftId = null;
        if (adopt) {
            String note = ("采纳变更建议 #" + id + "（" + proposal.author() + "）：" + proposal.body());
            Optional<StandardVersion> open = repository.openRevision(s.id());
            if (open.isPresent() && open.get().status() != VersionStatus.DRAFT) {
                throw new ConflictException("standards.error.openRevision", code, open.get().number());
            }
            StandardVersion draft = open.orElseGet(() -> startRevision(s, note.length() > 1000
                    ? note.substring(0, 1000) : note, actor));
            draftId = draft.id();
        }
        repository.handleProposal(id, adopt ? "ADOPTED" : "DISMISSED", draftId, actor.username(), now());
        audit.record(adopt ? "STANDARD_PROPOSAL_ADOPTED" : "STANDARD_PROPOSAL_DISMISSED", ENTITY, code,
                "proposal " + id + (draftId == null ? "" : " → draft"));
        return repository.proposal(s.id(), id).orElseThrow();
    }

    @Transactional
    public StandardViews.Attachment attach(String code, String fileName, byte[] content, Actor actor) {
        Standard s = load(code);
        requireOwner(s, actor);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "standards.validation.fileEmpty");
        }
        if (content.length > properties.attachmentMaxSize().toBytes()) {
            throw InvalidInputException.of("file", "standards.validation.fileTooLarge",
                    properties.attachmentMaxSize().toMegabytes());
        }
        String type = new org.apache.tika.Tika().detect(content);
        if (!properties.attachmentTypes().contains(type)) {
            throw InvalidInputException.of("file", "standards.validation.fileType", type,
                    String.join(", ", properties.attachmentTypes()));
        }
        String name = safeName(fileName);
        long id = repository.insertAttachment(s.id(), name, type, content, actor.username(), now());
        audit.record("STANDARD_ATTACHMENT_ADDED", ENTITY, code, "%s (%s, %d bytes)".formatted(name, type,
                content.length));
        return repository.attachments(s.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentFile> attachment(String code, long id) {
        Standard s = load(code);
        return repository.attachments(s.id()).stream().filter(a -> a.id() == id).findFirst()
                .flatMap(a -> repository.attachmentContent(s.id(), id).map(bytes -> new AttachmentFile(a, bytes)));
    }

    record AttachmentFile(StandardViews.Attachment info, byte[] content) {
    }

    // ---- for compliance and evaluation

    /** The standards with a version in force, as (standard, version). */
    @Transactional(readOnly = true)
    public List<InForce> inForce() {
        List<InForce> all = new ArrayList<>();
        for (Standard s : repository.all(null)) {
            repository.inForce(s.id()).ifPresent(v -> all.add(new InForce(s, v, repository.clauses(v.id()))));
        }
        return all;
    }

    record InForce(Standard standard, StandardVersion version, Clauses clauses) {
    }

    @Transactional(readOnly = true)
    public Standard standard(String code) {
        return load(code);
    }

    /** The units the standard binds, with their subtrees; null = every unit. */
    Set<Long> boundUnits(Standard s) {
        if (s.scopeUnitIds().isEmpty()) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        s.scopeUnitIds().forEach(id -> ids.addAll(units.subtreeIds(new OrgUnitId(id))));
        return ids;
    }

    // ---- helpers

    private StandardViews.VersionDetail versionDetail(Standard s, StandardVersion v, Actor actor) {
        return new StandardViews.VersionDetail(s.code(), s.title(), v.number(), v.status(), v.body(),
                markdown.toSafeHtml(v.body()), v.changeNote(), v.author(), v.createdAt(), v.submittedAt(),
                v.approvedBy(), v.approvedAt(), v.effectiveFrom(), v.publishedBy(), v.publishedAt(), v.endedAt(),
                v.scheduled(), v.slaPolicyNumber(), repository.clauses(v.id()), repository.reviews(v.id()),
                actions(s, v, actor), v.version());
    }

    private List<String> actions(Standard s, StandardVersion v, Actor actor) {
        List<String> actions = new ArrayList<>();
        boolean owner = isOwner(s, actor);
        switch (v.status()) {
            case DRAFT -> {
                if (owner) {
                    actions.add("edit");
                    actions.add(VersionAction.SUBMIT.path());
                }
                actions.add(VersionAction.COMMENT.path());
            }
            case IN_REVIEW -> {
                actions.add(VersionAction.COMMENT.path());
                if (isReviewer(actor) && !v.author().equalsIgnoreCase(actor.username())) {
                    actions.add(VersionAction.APPROVE.path());
                    actions.add(VersionAction.REJECT.path());
                }
            }
            case APPROVED -> {
                if (isPublisher(s, actor) && v.effectiveFrom() == null) {
                    actions.add(VersionAction.PUBLISH.path());
                }
            }
            case PUBLISHED -> {
                if (isPublisher(s, actor)) {
                    actions.add(VersionAction.RETIRE.path());
                }
            }
            default -> {
            }
        }
        return actions;
    }

    private StandardViews.AcknowledgementSummary acknowledgementSummary(StandardVersion inForce, Actor actor) {
        if (inForce == null) {
            return new StandardViews.AcknowledgementSummary(null, 0, 0, 0, List.of(), null);
        }
        Instant now = now();
        DataScope scope = units.scopeOf(actor);
        List<StandardViews.Acknowledgement> all = repository.acknowledgements(inForce.id(),
                scope.all() ? null : scope.unitIds());
        Map<Long, String> unitCodes = new HashMap<>();
        List<StandardViews.AcknowledgementRow> rows = all.stream().map(a -> new StandardViews.AcknowledgementRow(
                a.username(), a.displayName(), unitCodes.computeIfAbsent(a.unitId(), id ->
                        units.findById(new OrgUnitId(id)).map(OrgUnit::code).orElse("?")),
                a.dueAt(), a.acknowledgedAt(), a.overdueAt(now))).toList();
        StandardViews.AcknowledgementRow mine = repository.acknowledgements(inForce.id(), null).stream()
                .filter(a -> a.username().equalsIgnoreCase(actor.username())).findFirst()
                .map(a -> new StandardViews.AcknowledgementRow(a.username(), a.displayName(), null, a.dueAt(),
                        a.acknowledgedAt(), a.overdueAt(now)))
                .orElse(null);
        int acknowledged = (int) rows.stream().filter(r -> r.acknowledgedAt() != null).count();
        int overdue = (int) rows.stream().filter(StandardViews.AcknowledgementRow::overdue).count();
        return new StandardViews.AcknowledgementSummary(inForce.number(), rows.size(), acknowledged, overdue,
                seesAcknowledgements(actor) ? rows : List.of(), mine);
    }

    private List<StaffMember> boundStaff(Standard s) {
        Set<Role> roles = s.scopeRoles().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return users.staffIn(boundUnits(s), roles);
    }

    /** The supervisors and managers of the owner unit (of the top units for a company standard). */
    private List<String> ownersOf(Standard s) {
        Set<Long> ownerUnits = s.ownerUnitId() != null ? Set.of(s.ownerUnitId()) : rootUnitIds();
        return users.staffIn(ownerUnits, EnumSet.of(Role.SUPERVISOR, Role.MANAGER)).stream()
                .map(StaffMember::username).toList();
    }

    private List<String> reviewersOf(Standard s) {
        return ownersOf(s);
    }

    private Set<Long> rootUnitIds() {
        return units.visibleTo(SystemActor.INSTANCE).stream().filter(u -> u.parentId() == null)
                .map(u -> u.id().value()).collect(Collectors.toSet());
    }

    private void notifyAll(List<String> recipients, Standard s, StandardVersion v, String kind, String except,
                           Instant now) {
        recipients.stream().filter(r -> !r.equalsIgnoreCase(except))
                .forEach(r -> repository.insertNotice(r, s.id(), v.id(), kind, now));
    }

    boolean isOwner(Standard s, Actor actor) {
        if (actor.isAdmin()) {
            return true;
        }
        return hasAnyRole(actor, "SUPERVISOR", "MANAGER") && ownerInScope(s, actor);
    }

    static boolean isReviewer(Actor actor) {
        return hasAnyRole(actor, "ADMIN", "MANAGER", "SUPERVISOR");
    }

    boolean isPublisher(Standard s, Actor actor) {
        return actor.isAdmin() || (actor.hasRole("MANAGER") && ownerInScope(s, actor));
    }

    static boolean seesAcknowledgements(Actor actor) {
        return hasAnyRole(actor, "ADMIN", "MANAGER", "SUPERVISOR", "TRAINER", "INSPECTOR");
    }

    private boolean ownerInScope(Standard s, Actor actor) {
        if (s.ownerUnitId() == null) {
            return units.findById(new OrgUnitId(actor.unitId())).map(u -> u.parentId() == null).orElse(false);
        }
        return units.scopeOf(actor).includes(s.ownerUnitId());
    }

    private void requireOwner(Standard s, Actor actor) {
        if (!isOwner(s, actor)) {
            throw new AccessDeniedException("standards: only the owners of " + s.code() + " may do this");
        }
    }

    private void requirePublisher(Standard s, Actor actor) {
        if (!isPublisher(s, actor)) {
            throw new AccessDeniedException("standards: only managers of the owner unit publish " + s.code());
        }
    }

    private static boolean hasAnyRole(Actor actor, String... roles) {
        return Arrays.stream(roles).anyMatch(actor::hasRole);
    }

    private static void requireStatus(StandardVersion v, VersionStatus expected) {
        if (v.status() != expected) {
            throw new ConflictException("standards.error.wrongStatus", v.number(), v.status(), expected);
        }
    }

    private void save(StandardVersion v, Instant now) {
        if (!repository.updateVersion(v, now)) {
            throw ConflictException.staleVersion(ENTITY, v.number());
        }
    }

    private static StandardVersion with(StandardVersion v, VersionStatus status, String body, String note) {
        return new StandardVersion(v.id(), v.standardId(), v.number(), status, body, note, v.author(), v.createdAt(),
                v.updatedAt(), v.submittedAt(), v.approvedBy(), v.approvedAt(), v.effectiveFrom(), v.publishedBy(),
                v.publishedAt(), v.endedAt(), v.slaPolicyNumber(), v.version());
    }

    private static StandardVersion with(StandardVersion v, VersionStatus status, Instant endedAt) {
        return new StandardVersion(v.id(), v.standardId(), v.number(), status, v.body(), v.changeNote(), v.author(),
                v.createdAt(), v.updatedAt(), v.submittedAt(), v.approvedBy(), v.approvedAt(), v.effectiveFrom(),
                v.publishedBy(), v.publishedAt(), endedAt, v.slaPolicyNumber(), v.version());
    }

    private static void checkVersion(Integer given, int actual, String key) {
        if (given == null) {
            throw InvalidInputException.of("version", "standards.validation.required");
        }
        if (given != actual) {
            throw ConflictException.staleVersion(ENTITY, key);
        }
    }

    private void checkClauses(Clauses clauses, List<Violation> errors) {
        if (!clauses.clocks().isEmpty()) {
            try {
                clockClauses.check(clauses.clocks(), "clauses.clocks");
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        }
        List<String> types = replyRequirements.orderTypes();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < clauses.replyElements().size(); i++) {
            Clauses.ReplyClause r = clauses.replyElements().get(i);
            String p = "clauses.replyElements[" + i + "].";
            if (r == null) {
                errors.add(new Violation("clauses.replyElements[" + i + "]", "standards.validation.required"));
                continue;
            }
            if (r.orderType() == null || !types.contains(r.orderType())) {
                errors.add(new Violation(p + "orderType", "standards.validation.unknownValue", r.orderType(),
                        String.join(", ", types)));
            }
            if (r.code() == null || !ELEMENT_CODE.matcher(r.code()).matches()) {
                errors.add(new Violation(p + "code", "standards.validation.elementCode"));
            } else if (!keys.add(r.orderType() + "|" + r.code())) {
                errors.add(new Violation(p + "code", "standards.validation.duplicateElement", r.code()));
            }
            if (r.label() == null || r.label().isBlank() || r.label().length() > 100) {
                errors.add(new Violation(p + "label", "standards.validation.length", 1, 100));
            }
            if (r.keywords().isEmpty() || r.keywords().stream().anyMatch(k -> k == null || k.isBlank()
                    || k.length() > 50)) {
                errors.add(new Violation(p + "keywords", "standards.validation.keywords", 50));
            }
        }
        checkRubrics(clauses, types, errors);
    }

    private void checkRubrics(Clauses clauses, List<String> types, List<Violation> errors) {
        Set<String> rubricTypes = new HashSet<>();
        for (int i = 0; i < clauses.rubrics().size(); i++) {
            Clauses.RubricClause r = clauses.rubrics().get(i);
            String p = "clauses.rubrics[" + i + "].";
            if (r == null) {
                errors.add(new Violation("clauses.rubrics[" + i + "]", "standards.validation.required"));
                continue;
            }
            List<Violation> found = new ArrayList<>();
            if (r.orderType() == null || !types.contains(r.orderType())) {
                found.add(new Violation(p + "orderType", "standards.validation.unknownValue", r.orderType(),
                        String.join(", ", types)));
            } else if (!rubricTypes.add(r.orderType())) {
                found.add(new Violation(p + "orderType", "standards.validation.duplicateRubric", r.orderType()));
            }
            for (int j = 0; j < r.items().size(); j++) {
                Clauses.RubricItem item = r.items().get(j);
                if (item != null && item.severity() != null && parse(FindingSeverity.class, item.severity()) == null) {
                    found.add(new Violation(p + "items[" + j + "].severity", "standards.validation.unknownValue",
                            item.severity(), Arrays.toString(FindingSeverity.values())));
                }
            }
            String title = blankToNull(r.title()) == null ? "-" : r.title();
            try {
                Rubrics.check(new NewRubricVersion(parse(WorkOrderType.class, r.orderType()), title, null,
                        r.items().stream().map(Standards::rubricItem).toList()), p);
            } catch (InvalidInputException e) {
                e.violations().stream().filter(x -> found.stream().noneMatch(f -> f.field().equals(x.field())))
                        .forEach(found::add);
            }
            errors.addAll(found);
        }
    }

    private static List<String> replyTypes(Clauses clauses) {
        return clauses.replyElements().stream().map(Clauses.ReplyClause::orderType).distinct().toList();
    }

    private List<Long> scopeUnits(List<String> codes, List<Violation> errors) {
        List<Long> ids = new ArrayList<>();
        if (codes == null) {
            return ids;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = blankToNull(codes.get(i));
            if (code == null) {
                continue;
            }
            Optional<OrgUnit> unit = units.findByCode(code);
            if (unit.isEmpty()) {
                errors.add(new Violation("scopeUnitCodes[" + i + "]", "standards.validation.unknownUnit", code));
            } else if (!ids.contains(unit.get().id().value())) {
                ids.add(unit.get().id().value());
            }
        }
        return ids;
    }

    private static Set<String> roles(List<String> values, List<Violation> errors) {
        Set<String> roles = new LinkedHashSet<>();
        if (values == null) {
            return roles;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = blankToNull(values.get(i));
            if (value == null) {
                continue;
            }
            try {
                roles.add(Role.valueOf(value).name());
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("scopeRoles[" + i + "]", "standards.validation.unknownValue", value,
                        Arrays.toString(Role.values())));
            }
        }
        return roles;
    }

    private static int interval(Integer months, List<Violation> errors) {
        if (months == null) {
            return 12;
        }
        if (months < 1 || months > 60) {
            errors.add(new Violation("reviewIntervalMonths", "standards.validation.interval", 1, 60));
        }
        return months;
    }

    private static String text(String value, String field, int max, boolean required, List<Violation> errors) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            if (required) {
                errors.add(new Violation(field, "standards.validation.required"));
            }
            return null;
        }
        if (trimmed.length() > max) {
            errors.add(new Violation(field, "standards.validation.tooLong", max));
        }
        return trimmed;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "attachment" : filename;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private List<String> unitCodes(List<Long> ids) {
        return ids.stream().map(id -> units.findById(new OrgUnitId(id)).map(OrgUnit::code).orElse("#" + id)).toList();
    }

    private String ownerCode(Standard s) {
        return s.ownerUnitId() == null ? null
                : units.findById(new OrgUnitId(s.ownerUnitId())).map(OrgUnit::code).orElse(null);
    }

    static String ref(Standard s, StandardVersion v) {
        return s.code() + " v" + v.number();
    }

    private static boolean reviewDue(Standard s, LocalDate today) {
        return s.nextReviewOn() != null && !s.nextReviewOn().isAfter(today);
    }

    private Standard load(String code) {
        return repository.findByCode(code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new NotFoundException(ENTITY, code));
    }

    private StandardVersion loadVersion(Standard s, int number) {
        return repository.version(s.id(), number).orElseThrow(() -> new NotFoundException("StandardVersion",
                s.code() + " v" + number));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return now().atZone(BusinessTime.ZONE).toLocalDate();
    }
}
