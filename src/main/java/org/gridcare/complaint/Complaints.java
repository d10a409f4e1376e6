package org.gridcare.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.CustomerDirectory;
import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.CommitWrites;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.sla.SlaClocks;
import org.gridcare.workorder.Category;
import org.gridcare.workorder.OrderDigest;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Complaint handling (投诉管理). Every COMPLAINT order gets a case (opened in the order's own transaction); the
 * case is graded (its clocks follow the grade's rule, in working days by the sla module's calendar; a MAJOR
 * complaint is reported to the unit's managers at once), investigated (findings, root cause, responsibility
 * with the responsible unit and staff, evidence), approved by a different supervisor or manager, possibly
 * appealed by the responsible unit and decided one level up, rectified with verified actions and closed.
 * Every change is audited and published as {@link ComplaintCaseChanged}. A case is visible to the data scope of
 * its unit and of its responsible unit.
 */
@Service
public class Complaints {

    static final String ENTITY = "ComplaintCase";
    static final String INVESTIGATION = "INVESTIGATION";
    static final String CLOSURE = "CLOSURE";
    static final Set<String> REVIEWERS = Set.of("ADMIN", "MANAGER", "SUPERVISOR");
    static final Set<String> GRADERS = Set.of("ADMIN", "MANAGER", "SUPERVISOR", "AGENT");
    public static final Map<String, String> SORTS = sorts();

    private final ComplaintRepository repo;
    private final CommitWrites endWrites;
    private final OrgUnits units;
    private final Users users;
    private final CustomerDirectory customers;
    private final WorkOrders workOrders;
    private final SlaClocks sla;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ComplaintProperties properties;
    private final Clock clock;
    /**
     * The grade and source rules as last read: every complaint order's intake needs them and they change rarely.
     * Read again after 30 s (a change made on another instance) and at once after a change here.
     */
    private final LoadingCache<Boolean, Rules> rules;

    private record Rules(Map<ComplaintGrade, GradeRule> grades, Map<String, ComplaintSource> sources) {
    }

    Complaints(ComplaintRepository repo, OrgUnits units, Users users, CustomerDirectory customers,
               WorkOrders workOrders, SlaClocks sla, AuditTrail audit, ApplicationEventPublisher events,
               ComplaintProperties properties, Clock clock, CommitWrites endWrites) {
        this.repo = repo;
        this.endWrites = endWrites;
        this.units = units;
        this.users = users;
        this.customers = customers;
        this.workOrders = workOrders;
        this.sla = sla;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.rules = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(1)
                .build(key -> readRules());
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("receivedAt", "c.received_at");
        sorts.put("updatedAt", "c.updated_at");
        sorts.put("grade", "c.grade");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    // ---- opening

    /** Imported cases opened per statement at most. */
    private static final int IMPORT_CHUNK = 1000;

    /**
     * Opens the case of a newly accepted complaint order, in the order's transaction: just before it commits,
     * together with the cases of the transaction's other new complaint orders (a group of intakes), in one statement
     * sent with the transaction's end writes ({@link CommitWrites}, no round trip of its own) — or at once without a
     * transaction, or when the transaction acts on a case (see {@link #openPending}). The
     * source comes from the channel (media attention makes it MEDIA), an order flagged for media attention starts as
     * MAJOR, and the customer's previous complaint within the repeat window is linked. Nothing happens for other
     * types or an order that already has its case. The case's OPENED event and audit record name whoever took the
     * complaint (captured now: the cases may be written on another thread, before a commit shared by several intakes).
     */
    @Transactional
    public void open(OrderDigest order) {
        if (order.type() != WorkOrderType.COMPLAINT) {
            return;
        }
        Opening opening = new Opening(order, audit.origin());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            openAll(List.of(opening), false);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
            endWrites.expect();
        }
        pending.orders.add(opening);
    }

    /** A complaint order whose case is to be opened, and who took it. */
    private record Opening(OrderDigest order, AuditTrail.Origin origin) {
    }

    /**
     * Opens the cases still pending in the current transaction now; anything that acts on cases in a transaction
     * that may have accepted complaint orders calls it first.
     */
    void openPending() {
        openPending(false);
    }

    private void openPending(boolean atCommit) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null && !pending.orders.isEmpty()) {
            List<Opening> orders = List.copyOf(pending.orders);
            pending.orders.clear();
            openAll(orders, atCommit);
        }
    }

    /** The complaint orders of a transaction whose cases open just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<Opening> orders = new ArrayList<>();

        /** Before the steps that add the audit records and the KPI queue's note to the end writes. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            openPending(true);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Complaints.this);
        }
    }

    /**
     * Opens the cases of new complaint orders in one statement, with their audit records in one more; at commit
     * ({@code atCommit}: the transaction is committing, nothing reads the cases before it ends) under ids taken
     * beforehand, both with the transaction's end writes.
     */
    private void openAll(List<Opening> openings, boolean atCommit) {
        Instant now = Instant.now(clock);
        Map<String, ComplaintSource> sources = currentRules().sources();
        Map<ComplaintGrade, GradeRule> rules = rules();
        Map<Long, Opening> byId = new HashMap<>();
        List<ComplaintRepository.NewCase> cases = new ArrayList<>();
        for (Opening opening : openings) {
            OrderDigest order = opening.order();
            cases.add(newCase(order, sources, rules,
                    order.acceptedAt().minus(Duration.ofDays(properties.repeatWindowDays())),
                    opening.origin().actor(), now));
            byId.put(order.orderId(), opening);
        }
        audit.batched(() -> {
            List<ComplaintRepository.OpenedFor> openedFor;
            if (atCommit) {
                long[] ids = repo.nextIds(cases.size());
                repo.openAllAtCommit(cases, ids, now, endWrites);
                openedFor = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    openedFor.add(new ComplaintRepository.OpenedFor(cases.get(i).c().orderId, ids[i]));
                }
            } else {
                openedFor = repo.openAll(cases, now);
            }
            for (ComplaintRepository.OpenedFor opened : openedFor) {
                Opening opening = byId.get(opened.orderId());
                OrderDigest order = opening.order();
                ComplaintGrade grade = order.media() ? ComplaintGrade.MAJOR : ComplaintGrade.ORDINARY;
                if (rules.get(grade).notifyLeadership()) {
                    notifyLeadership(opened.id(), order.number(), order.unitId(), grade, gradeReason(order), now,
                            atCommit, opening.origin());
                }
                audit.record(opening.origin(), "COMPLAINT_OPENED", ENTITY, String.valueOf(opened.id()),
                        "order %s, %s".formatted(order.number(), order.categoryCode()));
                events.publishEvent(new ComplaintCaseChanged(opened.id(), order.orderId(), "OPENED"));
            }
            return null;
        });
    }

    /** Opens the cases of bulk-loaded complaint orders; their alarms that came due before now count as raised. */
    @Transactional
    public int openImported(List<OrderDigest> orders, long firstId, long lastId) {
        Instant now = Instant.now(clock);
        Map<String, ComplaintSource> sources = currentRules().sources();
        Map<ComplaintGrade, GradeRule> rules = rules();
        List<ComplaintRepository.NewCase> cases = new ArrayList<>();
        for (OrderDigest order : orders) {
            if (order.type() == WorkOrderType.COMPLAINT) {
                // linked to its predecessor afterwards, in bulk (linkRepeats)
                cases.add(newCase(order, sources, rules, null, "system", now));
            }
        }
        int opened = 0;
        for (int from = 0; from < cases.size(); from += IMPORT_CHUNK) {
            opened += repo.openAll(cases.subList(from, Math.min(cases.size(), from + IMPORT_CHUNK)), now).size();
        }
        // history: alarms that came due before the load are no news to anyone
        repo.claimPastOfOrders(firstId, lastId, now);
        repo.linkRepeats(firstId, lastId, properties.repeatWindowDays());
        if (opened > 0) {
            audit.record("COMPLAINTS_IMPORTED", ENTITY, firstId + "-" + lastId,
                    "%d cases opened for imported complaint orders".formatted(opened));
        }
        return opened;
    }

    /**
     * The case of a new complaint order: the source comes from the channel (media attention makes it MEDIA), and an
     * order flagged for media attention starts as MAJOR.
     */
    private ComplaintRepository.NewCase newCase(OrderDigest order, Map<String, ComplaintSource> sources,
                                                Map<ComplaintGrade, GradeRule> rules, Instant repeatSince,
                                                String actor, Instant now) {
        ComplaintSource source = order.media() ? ComplaintSource.MEDIA
                : sources.getOrDefault(order.channel().name(), ComplaintSource.HOTLINE_95598);
        ComplaintGrade grade = order.media() ? ComplaintGrade.MAJOR : ComplaintGrade.ORDINARY;
        var c = new ComplaintCase(null, order.orderId(), order.number(), order.unitId(), order.customerNumber(),
                order.channel().name(), source, order.categoryCode(), grade, gradeReason(order), false,
                order.media(), false, order.escalationRisk(), null, ComplaintStatus.OPEN, order.acceptedAt(), now, 0);
        List<ComplaintRepository.Deadline> deadlines = deadlines(rules.get(grade), c.receivedAt);
        return new ComplaintRepository.NewCase(c, repeatSince, deadlines.get(0), deadlines.get(1), actor,
                "%s · %s · %s".formatted(source, grade, order.categoryCode()));
    }

    private static String gradeReason(OrderDigest order) {
        return order.media() ? "order flagged for media attention" : null;
    }

    /** (Re)starts the running clocks of a case from its reception by the grade's rule. */
    private void startClocks(long caseId, GradeRule rule, Instant received) {
        repo.startDeadlines(caseId, received, deadlines(rule, received));
    }

    private List<ComplaintRepository.Deadline> deadlines(GradeRule rule, Instant received) {
        return List.of(deadline(INVESTIGATION, received, rule.investigationWorkingDays(), rule.warnPercent()),
                deadline(CLOSURE, received, rule.closureWorkingDays(), rule.warnPercent()));
    }

    private ComplaintRepository.Deadline deadline(String kind, Instant received, int workingDays, int warnPercent) {
        Instant due = sla.endOfWorkingDaysAfter(received, workingDays);
        Instant warn = received.plusMillis(Duration.between(received, due).toMillis() * warnPercent / 100);
        return new ComplaintRepository.Deadline(kind, warn, due);
    }

    private void notifyLeadership(long caseId, String orderNumber, long unitId, ComplaintGrade grade, String reason,
                                  Instant now, boolean atCommit, AuditTrail.Origin origin) {
        String detail = "%s %s%s".formatted(orderNumber, grade, reason == null ? "" : ": " + reason);
        if (atCommit) {
            // after its case, which is one of the end writes too
            repo.insertNoticeAtCommit(caseId, orderNumber, unitId, "MANAGER", "MAJOR_COMPLAINT", detail, now,
                    endWrites);
        } else {
            repo.insertNotice(caseId, orderNumber, unitId, "MANAGER", "MAJOR_COMPLAINT", detail, now);
        }
        audit.record(origin, "COMPLAINT_LEADERSHIP_NOTIFIED", ENTITY, String.valueOf(caseId),
                "major complaint %s reported to the managers of unit %d".formatted(orderNumber, unitId));
    }

    /** The order was cancelled or merged: its case is withdrawn and its clocks stop. */
    @Transactional
    public void withdrawForOrder(long orderId, String actor) {
        openPending();
        repo.findByOrder(orderId).ifPresent(c -> {
            Instant now = Instant.now(clock);
            if (c.withdraw(now) && repo.update(c)) {
                repo.stopDeadline(c.id, INVESTIGATION, now);
                repo.stopDeadline(c.id, CLOSURE, now);
                repo.insertEvent(c.id, now, actor, "WITHDRAWN", "order " + c.orderNumber + " cancelled or merged");
                audit.record("COMPLAINT_WITHDRAWN", ENTITY, String.valueOf(c.id), "order cancelled or merged");
                events.publishEvent(new ComplaintCaseChanged(c.id, c.orderId, "WITHDRAWN"));
            }
        });
    }

    // ---- reading

    @Transactional(readOnly = true)
    public ComplaintView get(long id, Actor actor) {
        openPending();
        ComplaintRepository.Found found = load(id, actor);
        return view(found, actor, true);
    }

    /** The case of an order within the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<ComplaintView> ofOrder(long orderId, Actor actor) {
        openPending();
        return repo.findByOrder(orderId).flatMap(c -> repo.find(c.id, units.scopeOf(actor), Instant.now(clock),
                today())).map(f -> view(f, actor, false));
    }

    /** The list; {@code unitCode} must lie in the caller's scope and selects its subtree. */
    @Transactional(readOnly = true)
    public PageResult<ComplaintView> find(ComplaintStatus status, ComplaintGrade grade, String category,
                                          ComplaintSource source, String unitCode, Responsibility responsibility,
                                          AppealStatus appeal, Boolean overdue, Instant receivedFrom,
                                          Instant receivedTo, PageQuery page, Actor actor) {
        openPending();
        DataScope scope = units.scopeOf(actor);
        Set<Long> subtree = null;
        String code = blankToNull(unitCode);
        if (code != null) {
            OrgUnit unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.complaint.unknownUnit", code));
            subtree = units.subtreeIds(unit.id());
        }
        var filter = new ComplaintRepository.Filter(status, grade, blankToNull(category), source, subtree,
                responsibility, appeal, overdue, receivedFrom, receivedTo);
        return repo.find(filter, scope, page, Instant.now(clock), today()).map(f -> view(f, actor, false));
    }

    @Transactional(readOnly = true)
    public List<GradeRule> gradeRules() {
        return repo.gradeRules();
    }

    @Transactional(readOnly = true)
    public List<RootCause> rootCauses() {
        return repo.rootCauses();
    }

    /** The complaint categories (the COMPLAINT branch of the work order category tree). */
    public List<Category> categories() {
        return workOrders.categories().stream().filter(c -> c.type() == WorkOrderType.COMPLAINT
                && c.parentCode() != null).toList();
    }

    /** Changes a grade's clocks (administrators); running clocks of open cases keep their due times. */
    @Transactional
    public GradeRule changeGradeRule(GradeRule rule, Actor actor) {
        if (rule.grade() == null) {
            throw InvalidInputException.of("grade", "validation.complaint.required");
        }
        if (rule.investigationWorkingDays() < 1 || rule.investigationWorkingDays() > 60) {
            throw InvalidInputException.of("investigationWorkingDays", "validation.complaint.range", 1, 60);
        }
        if (rule.closureWorkingDays() < rule.investigationWorkingDays() || rule.closureWorkingDays() > 120) {
            throw InvalidInputException.of("closureWorkingDays", "validation.complaint.range",
                    rule.investigationWorkingDays(), 120);
        }
        if (rule.warnPercent() < 1 || rule.warnPercent() > 99) {
            throw InvalidInputException.of("warnPercent", "validation.complaint.range", 1, 99);
        }
        repo.saveGradeRule(rule, actor.username(), Instant.now(clock));
        forgetRules();
        audit.record("COMPLAINT_GRADE_RULE_CHANGED", "ComplaintGradeRule", rule.grade().name(),
                "investigation %d WD, closure %d WD, warn at %d %%, leadership %s".formatted(
                        rule.investigationWorkingDays(), rule.closureWorkingDays(), rule.warnPercent(),
                        rule.notifyLeadership()));
        return rules().get(rule.grade());
    }

    /** Notices for the caller: MAJOR complaints (managers), clock warnings and breaches (supervisors, managers). */
    @Transactional(readOnly = true)
    public List<ComplaintNotice> notices(Actor actor, int limit) {
        openPending();
        List<String> roles = new ArrayList<>();
        if (actor.isAdmin() || actor.hasRole("MANAGER")) {
            roles.add("MANAGER");
        }
        if (actor.isAdmin() || actor.hasRole("MANAGER") || actor.hasRole("SUPERVISOR")) {
            roles.add("SUPERVISOR");
        }
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<Long, String> codes = new HashMap<>();
        return repo.notices(units.scopeOf(actor), roles, null, Math.min(Math.max(limit, 1), 200)).stream()
                .map(n -> new ComplaintNotice(n.id(), n.caseId(), n.orderNumber(), unitCode(n.unitId(), codes),
                        n.kind(), n.detail(), n.at())).toList();
    }

    // ---- moves

    @Transactional
    public ComplaintView grade(long id, ComplaintCommands.Grade command, Actor actor) {
        openPending();
        requireAnyRole(actor, GRADERS);
        ComplaintCase c = loadForChange(id, command.version(), actor);
        if (command.grade() == null) {
            throw InvalidInputException.of("grade", "validation.complaint.required");
        }
        ComplaintGrade before = c.grade;
        Instant now = Instant.now(clock);
        String reason = blankToNull(command.reason());
        c.regrade(command.grade(), reason, bool(command.injury()), bool(command.media()),
                bool(command.specialEvent()), bool(command.escalationRisk()), command.source(), now);
        save(c);
        GradeRule rule = rules().get(c.grade);
        if (before != c.grade) {
            startClocks(c.id, rule, c.receivedAt);
        }
        if (c.grade == ComplaintGrade.MAJOR && before != ComplaintGrade.MAJOR && rule.notifyLeadership()) {
            notifyLeadership(c.id, c.orderNumber, c.unitId, c.grade, reason, now, false, audit.origin());
        }
        String detail = "%s → %s%s%s".formatted(before, c.grade, c.escalationRisk ? " · escalation risk" : "",
                reason == null ? "" : ": " + reason);
        return changed(c, actor, now, "GRADED", detail);
    }

    @Transactional
    public ComplaintView investigate(long id, ComplaintCommands.Investigate command, Actor actor) {
        openPending();
        ComplaintCase c = loadForChange(id, command.version(), actor);
        String findings = blankToNull(command.findings());
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        if (findings == null) {
            problems.add(new InvalidInputException.Violation("findings", "validation.complaint.required"));
        }
        String rootCause = blankToNull(command.rootCause());
        if (rootCause == null) {
            problems.add(new InvalidInputException.Violation("rootCause", "validation.complaint.required"));
        } else if (repo.rootCauses().stream().noneMatch(r -> r.enabled() && r.code().equals(rootCause))) {
            problems.add(new InvalidInputException.Violation("rootCause", "validation.complaint.unknownRootCause",
                    rootCause));
        }
        if (command.responsibility() == null) {
            problems.add(new InvalidInputException.Violation("responsibility", "validation.complaint.required"));
        }
        String category = blankToNull(command.category());
        if (category != null && categories().stream().noneMatch(k -> k.enabled() && k.code().equals(category))) {
            problems.add(new InvalidInputException.Violation("category", "validation.complaint.unknownCategory",
                    category));
        }
        Long responsibleUnit = null;
        String staff = null;
        if (command.responsibility() == Responsibility.SUBSTANTIATED) {
            DataScope scope = units.scopeOf(actor);
            String unitCode = blankToNull(command.responsibleUnit());
            Optional<OrgUnit> unit = unitCode == null ? Optional.empty()
                    : units.findByCode(unitCode).filter(u -> scope.includes(u.id().value()));
            if (unitCode == null) {
                problems.add(new InvalidInputException.Violation("responsibleUnit", "validation.complaint.required"));
            } else if (unit.isEmpty()) {
                problems.add(new InvalidInputException.Violation("responsibleUnit",
                        "validation.complaint.unknownUnit", unitCode));
            } else {
                responsibleUnit = unit.get().id().value();
                staff = blankToNull(command.responsibleStaff());
                if (staff != null && !staffOf(staff, unit.get(), actor)) {
                    problems.add(new InvalidInputException.Violation("responsibleStaff",
                            "validation.complaint.unknownStaff", staff, unitCode));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = Instant.now(clock);
        c.investigate(findings, rootCause, command.responsibility(), responsibleUnit, staff, category,
                actor.username(), now);
        save(c);
        return changed(c, actor, now, "INVESTIGATED", "%s · %s%s".formatted(c.responsibility, rootCause,
                responsibleUnit == null ? "" : " · " + command.responsibleUnit().trim()
                        + (staff == null ? "" : " / " + staff)));
    }

    private boolean staffOf(String username, OrgUnit unit, Actor actor) {
        try {
            UserView user = users.get(username, actor);
            return units.findByCode(user.unitCode()).map(u -> u.isWithin(unit)).orElse(false);
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Transactional
    public ComplaintView review(long id, ComplaintCommands.Review command, Actor actor) {
        openPending();
        requireAnyRole(actor, REVIEWERS);
        ComplaintCase c = loadForChange(id, command.version(), actor);
        if (command.approve() == null) {
            throw InvalidInputException.of("approve", "validation.complaint.required");
        }
        Instant now = Instant.now(clock);
        c.review(command.approve(), blankToNull(command.comment()), actor.username(), now);
        save(c);
        if (command.approve()) {
            repo.stopDeadline(c.id, INVESTIGATION, now);
        }
        return changed(c, actor, now, command.approve() ? "APPROVED" : "SENT_BACK",
                "%s%s".formatted(c.responsibility, c.reviewComment == null ? "" : ": " + c.reviewComment));
    }

    @Transactional
    public ComplaintView appeal(long id, ComplaintCommands.Appeal command, Actor actor) {
        openPending();
        ComplaintCase c = loadForChange(id, command.version(), actor);
        if (!c.allows(ComplaintMove.APPEAL)) {
            throw new ConflictException("error.complaint.illegalMove", ComplaintMove.APPEAL.path(), c.status);
        }
        if (!actor.isAdmin() && !units.scopeOf(actor).includes(c.responsibleUnitId)) {
            throw new AccessDeniedException("only the responsible unit appeals");
        }
        String reason = blankToNull(command.reason());
        if (reason == null) {
            throw InvalidInputException.of("reason", "validation.complaint.required");
        }
        if (repo.countAttachments(c.id, EvidencePurpose.APPEAL) == 0) {
            throw InvalidInputException.of("evidence", "validation.complaint.appealEvidence");
        }
        Instant now = Instant.now(clock);
        c.appeal(reason, actor.username(), now);
        save(c);
        return changed(c, actor, now, "APPEALED", reason);
    }

    @Transactional
    public ComplaintView decideAppeal(long id, ComplaintCommands.AppealDecision command, Actor actor) {
        openPending();
        requireAnyRole(actor, REVIEWERS);
        ComplaintCase c = loadForChange(id, command.version(), actor);
        if (command.accept() == null) {
            throw InvalidInputException.of("accept", "validation.complaint.required");
        }
        if (!c.allows(ComplaintMove.DECIDE_APPEAL)) {
            throw new ConflictException("error.complaint.illegalMove", ComplaintMove.DECIDE_APPEAL.path(), c.status);
        }
        if (!actor.isAdmin() && !nextLevelUp(c.responsibleUnitId, actor)) {
            throw new AccessDeniedException("an appeal is decided one level above the responsible unit");
        }
        Instant now = Instant.now(clock);
        c.decideAppeal(command.accept(), blankToNull(command.comment()), actor.username(), now);
        save(c);
        return changed(c, actor, now, command.accept() ? "APPEAL_ACCEPTED" : "APPEAL_REJECTED",
                c.appealComment == null ? "" : c.appealComment);
    }

    /** The caller's scope holds the responsible unit's parent: the caller sits above the unit that appealed. */
    private boolean nextLevelUp(Long responsibleUnitId, Actor actor) {
        if (responsibleUnitId == null) {
            return false;
        }
        OrgUnitId parent = units.findById(new OrgUnitId(responsibleUnitId)).map(OrgUnit::parentId).orElse(null);
        return parent != null && units.scopeOf(actor).includes(parent.value());
    }

    @Transactional
    public ComplaintView addAction(long id, ComplaintCommands.NewAction command, Actor actor) {
        openPending();
        requireAnyRole(actor, REVIEWERS);
        ComplaintCase c = loadForChange(id, command.version(), actor);
        if (!c.allows(ComplaintMove.ADD_ACTION)) {
            throw new ConflictException("error.complaint.illegalMove", ComplaintMove.ADD_ACTION.path(), c.status);
        }
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        String description = blankToNull(command.description());
        if (description == null) {
            problems.add(new InvalidInputException.Violation("description", "validation.complaint.required"));
        }
        String owner = blankToNull(command.owner());
        if (owner == null) {
            problems.add(new InvalidInputException.Violation("owner", "validation.complaint.required"));
        } else {
            try {
                owner = users.get(owner, actor).username();
            } catch (NotFoundException e) {
                problems.add(new InvalidInputException.Violation("owner", "validation.complaint.unknownUser", owner));
            }
        }
        if (command.dueDate() == null) {
            problems.add(new InvalidInputException.Violation("dueDate", "validation.complaint.required"));
        } else if (command.dueDate().isBefore(today())) {
            problems.add(new InvalidInputException.Violation("dueDate", "validation.complaint.dueInPast"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = Instant.now(clock);
        c.updatedAt = now;
        save(c);
        long actionId = repo.insertAction(c.id, description, owner, command.dueDate(), actor.username(), now);
        return changed(c, actor, now, "ACTION_ADDED", "#%d %s → %s by %s".formatted(actionId, description, owner,
                command.dueDate()));
    }

    /** The owner (or a supervisor) reports an action done. */
    @Transactional
    public ComplaintView completeAction(long id, long actionId, ComplaintCommands.ActionStep command, Actor actor) {
        openPending();
        ComplaintCase c = load(id, actor).c();
        ComplaintView.Rectification action = action(c, actionId);
        if (!action.owner().equals(actor.username()) && REVIEWERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("only the owner or a supervisor completes an action");
        }
        if (action.status() != RectificationStatus.OPEN || c.status != ComplaintStatus.DETERMINED) {
            throw new ConflictException("error.complaint.actionIllegal", "complete", action.status());
        }
        String note = blankToNull(command.note());
        if (note == null) {
            throw InvalidInputException.of("note", "validation.complaint.required");
        }
        Instant now = Instant.now(clock);
        if (!repo.updateAction(c.id, actionId, actionVersion(command, action), RectificationStatus.DONE, note, now,
                null, null, null)) {
            throw ConflictException.staleVersion("ComplaintAction", actionId);
        }
        return changedAction(c, actor, now, "ACTION_DONE", "#%d: %s".formatted(actionId, note));
    }

    /** A supervisor other than the owner verifies a done action: passed → VERIFIED, failed → OPEN again. */
    @Transactional
    public ComplaintView verifyAction(long id, long actionId, ComplaintCommands.ActionStep command, Actor actor) {
        openPending();
        requireAnyRole(actor, REVIEWERS);
        ComplaintCase c = load(id, actor).c();
        ComplaintView.Rectification action = action(c, actionId);
        if (action.owner().equals(actor.username())) {
            throw new ConflictException("error.complaint.ownAction");
        }
        if (action.status() != RectificationStatus.DONE || c.status != ComplaintStatus.DETERMINED) {
            throw new ConflictException("error.complaint.actionIllegal", "verify", action.status());
        }
        if (command.passed() == null) {
            throw InvalidInputException.of("passed", "validation.complaint.required");
        }
        String note = blankToNull(command.note());
        if (!command.passed() && note == null) {
            throw InvalidInputException.of("note", "validation.complaint.required");
        }
        Instant now = Instant.now(clock);
        boolean passed = command.passed();
        if (!repo.updateAction(c.id, actionId, actionVersion(command, action),
                passed ? RectificationStatus.VERIFIED : RectificationStatus.OPEN, action.completion(),
                action.completedAt(), actor.username(), now, note)) {
            throw ConflictException.staleVersion("ComplaintAction", actionId);
        }
        return changedAction(c, actor, now, passed ? "ACTION_VERIFIED" : "ACTION_REJECTED",
                "#%d%s".formatted(actionId, note == null ? "" : ": " + note));
    }

    private static int actionVersion(ComplaintCommands.ActionStep command, ComplaintView.Rectification action) {
        if (command.version() == null) {
            throw InvalidInputException.of("version", "validation.complaint.required");
        }
        if (command.version() != action.version()) {
            throw ConflictException.staleVersion("ComplaintAction", action.id());
        }
        return command.version();
    }

    private ComplaintView.Rectification action(ComplaintCase c, long actionId) {
        return repo.actions(c.id, today()).stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("ComplaintAction", actionId));
    }

    @Transactional
    public ComplaintView close(long id, ComplaintCommands.Close command, Actor actor) {
        openPending();
        requireAnyRole(actor, REVIEWERS);
        ComplaintCase c = loadForChange(id, command.version(), actor);
        Instant now = Instant.now(clock);
        c.close(repo.actions(c.id, today()).stream().map(ComplaintView.Rectification::status).toList(),
                actor.username(), now);
        save(c);
        repo.stopDeadline(c.id, INVESTIGATION, now);
        repo.stopDeadline(c.id, CLOSURE, now);
        return changed(c, actor, now, "CLOSED", c.countsAfterAppeal() ? "substantiated, rectified" : "");
    }

    /** Adds an evidence file (photo or PDF, checked by its bytes and size) to an open case. */
    @Transactional
    public ComplaintView.Evidence attach(long id, EvidencePurpose purpose, String filename, byte[] content,
                                         Actor actor) {
        openPending();
        ComplaintCase c = load(id, actor).c();
        if (purpose == null) {
            throw InvalidInputException.of("purpose", "validation.complaint.required");
        }
        if (c.status == ComplaintStatus.WITHDRAWN) {
            throw new ConflictException("error.complaint.illegalMove", "attach", c.status);
        }
        String type = EvidenceRules.check(content, properties);
        String name = EvidenceRules.safeName(filename);
        Instant now = Instant.now(clock);
        long fileId = repo.insertAttachment(c.id, purpose, name, type, content, actor.username(), now);
        repo.insertEvent(c.id, now, actor.username(), "EVIDENCE_ADDED", "%s %s (%d bytes)".formatted(purpose, name,
                content.length));
        audit.record("COMPLAINT_EVIDENCE_ADDED", ENTITY, String.valueOf(c.id), "%s %s, %s, %d bytes".formatted(
                purpose, name, type, content.length));
        return repo.attachments(c.id).stream().filter(e -> e.id() == fileId).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public ComplaintRepository.File attachment(long id, long fileId, Actor actor) {
        openPending();
        ComplaintCase c = load(id, actor).c();
        return repo.attachment(c.id, fileId).orElseThrow(() -> new NotFoundException("ComplaintAttachment", fileId));
    }

    // ---- per staff member (read by performance scoring)

    /**
     * The substantiated complaints (approved, 有责) charged to these responsible staff members among the cases received
     * in {@code [from, to]} (Asia/Shanghai days), withdrawn cases left out, by staff and reception. No data scope:
     * the calling module applies its own.
     */
    @Transactional(readOnly = true)
    public List<StaffComplaint> substantiatedOf(java.util.Collection<String> staff, LocalDate from, LocalDate to) {
        openPending();
        if (staff.isEmpty()) {
            return List.of();
        }
        return repo.substantiatedOf(staff, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    // ---- hotspots

    /**
     * Complaints received in the period within a unit's subtree (default: the caller's unit; administrators: the
     * company), per child unit × top-level complaint category: received, substantiated and after appeals, with
     * the customers of each child unit for the per-10,000 figures; and the monthly trend.
     */
    @Transactional(readOnly = true)
    public Hotspots hotspots(LocalDate from, LocalDate to, String unitCode, Actor actor) {
        openPending();
        LocalDate today = today();
        LocalDate first = from == null ? today.withDayOfMonth(1).minusMonths(5) : from;
        LocalDate last = to == null ? today : to;
        if (first.isAfter(last)) {
            throw InvalidInputException.of("to", "validation.complaint.toBeforeFrom", first, last);
        }
        if (first.plusYears(3).isBefore(last)) {
            throw InvalidInputException.of("from", "validation.complaint.periodTooLong");
        }
        DataScope scope = units.scopeOf(actor);
        List<OrgUnit> visible = units.visibleTo(actor);
        OrgUnit top;
        String code = blankToNull(unitCode);
        if (code != null) {
            top = visible.stream().filter(u -> u.code().equals(code)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.complaint.unknownUnit", code));
        } else {
            top = visible.stream().filter(u -> u.id().value() == actor.unitId()).findFirst()
                    .or(() -> visible.stream().min(java.util.Comparator.comparingInt(OrgUnit::depth)))
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.complaint.unknownUnit", ""));
        }
        List<OrgUnit> rows = visible.stream().filter(u -> top.id().equals(u.parentId())).toList();
        if (rows.isEmpty()) {
            rows = List.of(top);
        }
        Map<Long, Integer> rowOf = new HashMap<>();
        for (OrgUnit u : visible) {
            for (int i = 0; i < rows.size(); i++) {
                if (u.isWithin(rows.get(i))) {
                    rowOf.put(u.id().value(), i);
                }
            }
        }
        List<Category> tops = categories().stream().filter(k -> k.parentCode() != null
                && workOrders.category(k.parentCode()).map(p -> p.parentCode() == null).orElse(false)).toList();
        Instant start = first.atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        DataScope topScope = new DataScope(false, units.subtreeIds(top.id()));
        DataScope effective = scope.all() ? topScope
                : new DataScope(false, topScope.unitIds().stream().filter(scope::includes)
                        .collect(java.util.stream.Collectors.toSet()));
        long[][][] counts = new long[rows.size()][tops.size()][3];
        for (ComplaintRepository.Cell cell : repo.cells(effective, start, end)) {
            Integer row = rowOf.get(cell.unitId());
            int col = topIndex(tops, cell.category());
            if (row == null || col < 0) {
                continue;
            }
            counts[row][col][0] += cell.received();
            counts[row][col][1] += cell.substantiated();
            counts[row][col][2] += cell.afterAppeal();
        }
        List<Hotspots.Row> rowViews = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OrgUnit u = rows.get(i);
            List<Hotspots.Cell> cells = new ArrayList<>();
            for (int j = 0; j < tops.size(); j++) {
                cells.add(new Hotspots.Cell(tops.get(j).code(), counts[i][j][0], counts[i][j][1], counts[i][j][2]));
            }
            rowViews.add(new Hotspots.Row(u.code(), u.name(), customersOf(u, scope), cells));
        }
        List<Hotspots.Month> trend = repo.months(effective, start, end).stream()
                .map(m -> new Hotspots.Month(m.month(), m.received(), m.substantiated(), m.afterAppeal())).toList();
        return new Hotspots(first, last, top.code(), top.name(),
                tops.stream().map(k -> new Hotspots.Column(k.code(), k.name(), k.nameEn())).toList(), rowViews,
                trend);
    }

    private long customersOf(OrgUnit unit, DataScope scope) {
        return customers.count(new DataScope(false, units.subtreeIds(unit.id()).stream().filter(scope::includes)
                .collect(java.util.stream.Collectors.toSet())));
    }

    private static int topIndex(List<Category> tops, String category) {
        for (int i = 0; i < tops.size(); i++) {
            String code = tops.get(i).code();
            if (category.equals(code) || category.startsWith(code + ".")) {
                return i;
            }
        }
        return -1;
    }

    // ---- internals

    private ComplaintRepository.Found load(long id, Actor actor) {
        return repo.find(id, units.scopeOf(actor), Instant.now(clock), today())
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private ComplaintCase loadForChange(long id, Integer version, Actor actor) {
        ComplaintCase c = load(id, actor).c();
        if (version == null) {
            throw InvalidInputException.of("version", "validation.complaint.required");
        }
        if (version != c.version) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        return c;
    }

    private void save(ComplaintCase c) {
        if (!repo.update(c)) {
            throw ConflictException.staleVersion(ENTITY, c.id);
        }
    }

    private ComplaintView changed(ComplaintCase c, Actor actor, Instant now, String action, String detail) {
        repo.insertEvent(c.id, now, actor.username(), action, detail);
        audit.record("COMPLAINT_" + action, ENTITY, String.valueOf(c.id), "order %s: %s".formatted(c.orderNumber,
                detail));
        events.publishEvent(new ComplaintCaseChanged(c.id, c.orderId, action));
        return view(load(c.id, actor), actor, true);
    }

    /** An action's step changes no reported figure: no event, but the case's history and the audit. */
    private ComplaintView changedAction(ComplaintCase c, Actor actor, Instant now, String action, String detail) {
        repo.insertEvent(c.id, now, actor.username(), action, detail);
        audit.record("COMPLAINT_" + action, ENTITY, String.valueOf(c.id), "order %s: %s".formatted(c.orderNumber,
                detail));
        return view(load(c.id, actor), actor, true);
    }

    private static void requireAnyRole(Actor actor, Set<String> roles) {
        if (roles.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("role");
        }
    }

    Map<ComplaintGrade, GradeRule> rules() {
        return currentRules().grades();
    }

    private Rules currentRules() {
        return rules.get(Boolean.TRUE);
    }

    private Rules readRules() {
        Map<ComplaintGrade, GradeRule> grades = new EnumMap<>(ComplaintGrade.class);
        repo.gradeRules().forEach(r -> grades.put(r.grade(), r));
        return new Rules(Map.copyOf(grades), Map.copyOf(repo.sourceRules()));
    }

    /** Forgets the rules now and once more after the transaction, so that no reader keeps the old ones. */
    private void forgetRules() {
        rules.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    rules.invalidateAll();
                }
            });
        }
    }

    private ComplaintView view(ComplaintRepository.Found found, Actor actor, boolean full) {
        ComplaintCase c = found.c();
        Map<Long, String> codes = new HashMap<>();
        Instant now = Instant.now(clock);
        List<String> moves = null;
        if (full) {
            moves = Arrays.stream(ComplaintMove.values()).filter(c::allows).map(ComplaintMove::path).toList();
        }
        String categoryName = workOrders.category(c.categoryCode).map(Category::name).orElse(c.categoryCode);
        return new ComplaintView(c.id, c.orderNumber, unitCode(c.unitId, codes), c.customerNumber, c.channel,
                c.source, c.categoryCode, categoryName, c.grade, c.gradeReason, c.injury, c.media, c.specialEvent,
                c.escalationRisk, found.repeatOfNumber(), c.status, c.findings, c.rootCause, c.responsibility,
                c.responsibleUnitId == null ? null : unitCode(c.responsibleUnitId, codes), c.responsibleStaff,
                c.investigatedBy, c.investigatedAt, c.approvedBy, c.approvedAt, c.reviewComment, c.appealStatus,
                c.appealReason, c.appealedBy, c.appealedAt, c.appealDecidedBy, c.appealDecidedAt, c.appealComment,
                c.substantiated(), c.countsAfterAppeal(), c.receivedAt, c.closedAt, c.closedBy, found.overdue(),
                c.version, full ? repo.deadlines(c.id, now) : null, full ? repo.actions(c.id, today()) : null,
                full ? repo.attachments(c.id) : null, full ? repo.history(c.id) : null, moves);
    }

    private String unitCode(long unitId, Map<Long, String> cache) {
        return cache.computeIfAbsent(unitId, id -> units.findById(new OrgUnitId(id)).map(OrgUnit::code)
                .orElse(String.valueOf(id)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
