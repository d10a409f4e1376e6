package org.gridcare.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.gridcare.audit.AuditTrail;
import org.gridcare.customer.CustomerDirectory;
import org.gridcare.customer.CustomerSummary;
import org.gridcare.identity.Role;
import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.sla.ClockView;
import org.gridcare.sla.OrderEvent;
import org.gridcare.sla.OrderProfile;
import org.gridcare.sla.SlaClocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work orders: intake, the lifecycle, queues and attachments. Every change runs in one transaction with its
 * timeline row, its audit record and the SLA clocks it starts or stops.
 */
@Service
public class WorkOrders {

    static final String ENTITY = "WorkOrder";
    public static final Map<String, String> SORTS = sorts();

    private final WorkOrderRepository orders;
    private final CustomerDirectory customers;
    private final OrgUnits units;
    private final Users users;
    private final SlaClocks sla;
    private final AuditTrail audit;
    private final NotificationInbox inbox;
    private final VisitRepository visits;
    private final ReplyRequirements replyRequirements;
    private final ApplicationEventPublisher events;
    private final WorkOrderProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Other modules' objections to an assignment (see {@link AssignmentGuard}). */
    private final ObjectProvider<AssignmentGuard> assignmentGuards;
    /** Writes intakes in groups, one transaction each (see {@link #create}). */
    private final GroupCommit<Intake, WorkOrderView> intakes;
    /** The category tree is read on every intake and changes rarely; a change on this instance applies at once. */
    private final LoadingCache<String, Optional<Category>> categories;

    WorkOrders(WorkOrderRepository orders, CustomerDirectory customers, OrgUnits units, Users users, SlaClocks sla,
               AuditTrail audit, NotificationInbox inbox, VisitRepository visits, ApplicationEventPublisher events,
               WorkOrderProperties properties, PlatformTransactionManager transactionManager, Clock clock,
               ReplyRequirements replyRequirements, ObjectProvider<AssignmentGuard> assignmentGuards) {
        this.assignmentGuards = assignmentGuards;
        this.orders = orders;
        this.customers = customers;
        this.units = units;
        this.users = users;
        this.sla = sla;
        this.audit = audit;
        this.inbox = inbox;
        this.visits = visits;
        this.replyRequirements = replyRequirements;
        this.events = events;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        // the audit records of a group, and of the complaint cases its orders open, are one statement at its commit
        this.intakes = new GroupCommit<>("work-order-intake", transactions, properties.intakeGroupMax(),
                group -> audit.batchedUntilCommit(() -> write(group)));
        this.categories = Caffeine.newBuilder().expireAfterWrite(properties.categoryCacheTtl()).maximumSize(10_000)
                .build(orders::category);
    }

    @PreDestroy
    void close() {
        intakes.close();
    }

    /** How many intakes wait for the next group (for tests). */
    int queuedIntakes() {
        return intakes.queued();
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("createdAt", "created_at");
        sorts.put("updatedAt", "updated_at");
        sorts.put("number", "number");
        sorts.put("priority", "priority");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** The result of an intake: the order, and whether this call created it (false: an idempotent retry). */
    public record Created(WorkOrderView order, boolean created) {
    }

    /**
     * 受理. With an idempotency key, a retry (even a concurrent one) returns the order of the first call: the
     * key is stored with the order, and the loser of a race hits its unique constraint, rolls back (giving its
     * number back) and reads the winner's order.
     *
     * <p>The checks and reads run in the caller's thread, outside a transaction; the writes run in the next
     * {@link GroupCommit group} with the other intakes that arrived meanwhile (or in the caller's transaction, if it
     * has one).
     */
    public Created create(NewWorkOrder command, String idempotencyKey, Actor actor) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 100) {
            throw InvalidInputException.of("Idempotency-Key", "validation.workOrder.keyTooLong", 100);
        }
        boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
        try {
            if (key != null && orders.orderIdForKey(actor.username(), key).isPresent()) {
                return transactions.execute(status -> earlier(key, actor)).orElseThrow();
            }
            // reads only, each a statement of its own: no transaction, so no commit round trip (an intake's cost
            // is its round trips); inside a caller's transaction they join it
            Intake intake = prepare(command, key, actor);
            WorkOrderView created = ownTransaction ? intakes.run(intake)
                    : write(List.of(intake), false, (i, work) -> work.get()).get(0);
            return new Created(created, true);
        } catch (DuplicateKeyException race) {
            if (key == null || !ownTransaction) {
                throw race;
            }
            return transactions.execute(status -> earlier(key, actor)).orElseThrow(() -> race);
        }
    }

    private Optional<Created> earlier(String key, Actor actor) {
        return orders.orderIdForKey(actor.username(), key)
                .flatMap(orders::findById).map(order -> new Created(view(order, actor, true), false));
    }

    /** An order checked and ready to be written: its id is taken, its number and repeat check not yet. */
    private record Intake(WorkOrder order, OrgUnit unit, String key, Actor actor, Instant at) {
    }

    private Intake prepare(NewWorkOrder command, String key, Actor actor) {
        Instant now = Instant.now(clock);
        DataScope scope = units.scopeOf(actor);
        checkTypeAndCategory(command);
        CustomerSummary customer = customerOf(command, scope);
        OrgUnit unit = customer != null
                ? units.findById(new OrgUnitId(customer.unitId())).orElseThrow()
                : units.findById(new OrgUnitId(actor.unitId()))
                        .orElseThrow(() -> InvalidInputException.of("customerNumber", "validation.workOrder.required"));
        String address = WorkOrder.blankToNull(command.address());
        if (address == null && customer != null && customer.address() != null && !customer.address().contains("*")) {
            // the directory may mask the address for the caller's role; a masked one is no address
            address = customer.address();
        }
        String customerNumber = customer == null ? null : customer.number();
        boolean sensitive = Boolean.TRUE.equals(command.sensitive())
                || (customer != null && customer.flags().contains("SENSITIVE"));
        var flags = new WorkOrder.Flags(sensitive, Boolean.TRUE.equals(command.media()),
                Boolean.TRUE.equals(command.escalationRisk()), false);
        NewWorkOrder normalized = new NewWorkOrder(command.type(), command.subType(), command.category(),
                command.channel(), command.priority(), customerNumber, command.callerName(), command.callerPhone(),
                address, command.description(), command.sensitive(), command.media(), command.escalationRisk());
        WorkOrder order = WorkOrder.accept(null, normalized, unit.areaType().name(), unit.id().value(), unit.code(),
                flags, null, actor.username(), now);
        order.assignId(new WorkOrderId(orders.nextId()));
        return new Intake(order, unit, key, actor, now);
    }

    /**
     * Writes a group of intakes: all the orders in one statement per day, numbered; their clocks (worked out first:
     * the order rows carry their policy version) go with the transaction's end writes, as do the audit records, so
     * that a group costs the orders' statement, one round trip of end writes and the commit. Each order's audit
     * record and event are made in its caller's context.
     */
    private List<WorkOrderView> write(List<GroupCommit.Entry<Intake, WorkOrderView>> group) {
        return write(group.stream().map(GroupCommit.Entry::input).toList(), true,
                (i, work) -> group.get(i).inContext(work));
    }

    /**
     * As above; {@code inContext} runs the part of the {@code i}-th intake in its caller's context. In a caller's
     * transaction ({@code clocksAtCommit} false), which may go on to act on the order, the clocks are written at once.
     */
    private List<WorkOrderView> write(List<Intake> intakes, boolean clocksAtCommit,
                                      BiFunction<Integer, Supplier<WorkOrderView>, WorkOrderView> inContext) {
        List<SlaClocks.Start> starts = intakes.stream()
                .map(intake -> new SlaClocks.Start(intake.order().id().value(), profile(intake.order()), intake.at()))
                .toList();
        List<SlaClocks.Started> clocks = clocksAtCommit ? sla.startAllAtCommit(starts) : sla.startAll(starts);
        Map<LocalDate, List<Integer>> byDay = new LinkedHashMap<>();
        for (int i = 0; i < intakes.size(); i++) {
            byDay.computeIfAbsent(LocalDate.ofInstant(intakes.get(i).at(), BusinessTime.ZONE), day -> new ArrayList<>())
                    .add(i);
        }
        String[] repeatOf = new String[intakes.size()];
        byDay.forEach((day, positions) -> {
            List<WorkOrderRepository.Numbered> numbered = orders.insertNumbered(day, positions.stream().map(i -> {
                Intake intake = intakes.get(i);
                return new WorkOrderRepository.Accepted(intake.order(), clocks.get(i).policyVersionId(), intake.key(),
                        intake.at().minus(properties.repeatWindow()));
            }).toList());
            for (int k = 0; k < positions.size(); k++) {
                WorkOrder order = intakes.get(positions.get(k)).order();
                order.assignNumber(numbered.get(k).number());
                order.assignRepeatOf(numbered.get(k).repeatOfId());
                repeatOf[positions.get(k)] = numbered.get(k).repeatOfNumber();
            }
        });
        List<WorkOrderView> views = new ArrayList<>(intakes.size());
        for (int i = 0; i < intakes.size(); i++) {
            Intake intake = intakes.get(i);
            SlaClocks.Started started = clocks.get(i);
            String earlier = repeatOf[i];
            views.add(inContext.apply(i, () -> accepted(intake, started, earlier)));
        }
        return views;
    }

    /** The audit record and the event of an order just written (repeating order {@code repeatOf}, or none). */
    private WorkOrderView accepted(Intake intake, SlaClocks.Started clocks, String repeatOf) {
        WorkOrder order = intake.order();
        String number = order.number();
        audit.record("WORK_ORDER_ACCEPTED", ENTITY, number, "%s %s via %s, unit %s%s".formatted(order.type(),
                order.categoryCode(), order.channel(), intake.unit().code(), order.flags().repeat() ? ", repeat" : ""));
        events.publishEvent(new WorkOrderAccepted(new OrderDigest(order.id().value(), number, order.type(),
                order.channel(), order.categoryCode(), order.unitId(), order.customerNumber(),
                order.flags().sensitive(), order.flags().media(), order.flags().escalationRisk(), intake.at()),
                order.flags().repeat()));
        return view(order, intake.actor(), false, List.of(), List.of(), clocks.clocks(), repeatOf);
    }

    private void checkTypeAndCategory(NewWorkOrder command) {
        if (command.type() == WorkOrderType.SERVICE_APPLICATION && command.subType() == null) {
            throw InvalidInputException.of("subType", "validation.workOrder.required");
        }
        if (command.type() != WorkOrderType.SERVICE_APPLICATION && command.subType() != null) {
            throw InvalidInputException.of("subType", "validation.workOrder.subTypeOnlyForApplications");
        }
        Category category = categories.get(command.category()).filter(Category::enabled)
                .orElseThrow(() -> InvalidInputException.of("category", "validation.workOrder.unknownCategory",
                        command.category()));
        if (category.type() != command.type()) {
            throw InvalidInputException.of("category", "validation.workOrder.categoryOfOtherType", command.category(),
                    command.type());
        }
    }

    /** The customer the order is about; only a consultation may be anonymous. */
    private CustomerSummary customerOf(NewWorkOrder command, DataScope scope) {
        String number = WorkOrder.blankToNull(command.customerNumber());
        if (number == null) {
            if (command.type() != WorkOrderType.CONSULTATION) {
                throw InvalidInputException.of("customerNumber", "validation.workOrder.required");
            }
            return null;
        }
        return customers.find(number, scope).orElseThrow(() ->
                InvalidInputException.of("customerNumber", "validation.workOrder.unknownCustomer", number));
    }

    static OrderProfile profile(WorkOrder order) {
        return new OrderProfile(order.type().name(), order.subType() == null ? null : order.subType().name(),
                order.priority().name(), order.areaType(), order.channel().name());
    }

    /** One order with its clocks, timeline, attachments and the actions the caller may take. */
    @Transactional
    public WorkOrderView get(String number, Actor actor) {
        WorkOrder order = load(number, units.scopeOf(actor));
        return view(order, actor, true);
    }

    @Transactional(readOnly = true)
    PageResult<WorkOrderView> find(WorkOrderFilter filter, PageQuery page, Actor actor) {
        return orders.find(filter, units.scopeOf(actor), page)
                .map(order -> view(order, actor, false, null, null, null));
    }

    /** The list filters of the API; {@code unitCode} must lie in the caller's scope. */
    @Transactional(readOnly = true)
    public PageResult<WorkOrderView> find(Set<WorkOrderStatus> statuses, WorkOrderType type, Channel channel,
                                          String unitCode, String handler, Boolean overdue, Boolean warning,
                                          String customer, Instant createdFrom, Instant createdTo, String text,
                                          PageQuery page, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        Set<Long> unitIds = null;
        if (unitCode != null && !unitCode.isBlank()) {
            unitIds = units.findByCode(unitCode.trim()).filter(u -> scope.includes(u.id().value()))
                    .map(u -> units.subtreeIds(u.id()))
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.workOrder.unknownUnit", unitCode));
        }
        var filter = new WorkOrderFilter(statuses, false, type, channel, unitIds, WorkOrder.blankToNull(handler),
                overdue, warning, WorkOrder.blankToNull(customer), createdFrom, createdTo,
                WorkOrder.blankToNull(text));
        return orders.find(filter, scope, page).map(order -> view(order, actor, false, null, null, null));
    }

    @Transactional(readOnly = true)
    public QueueCounts counts(Actor actor) {
        return orders.counts(actor.username(), actor.unitId(), units.scopeOf(actor));
    }

    /** Takes an action on an order; {@code version} must be the one the caller saw. */
    @Transactional
    public WorkOrderView act(String number, Action action, ActionRequest request, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        WorkOrder order = load(number, scope);
        if (request == null || request.version() == null) {
            throw InvalidInputException.of("version", "validation.workOrder.required");
        }
        if (request.version() != order.version()) {
            throw ConflictException.staleVersion(ENTITY, number);
        }
        Acting who = Acting.of(actor);
        Instant now = Instant.now(clock);
        if (action == Action.VISIT) {
            recordVisit(order, VisitInput.of(request), actor.username(), who, now);
            return view(orders.findById(order.id().value()).orElseThrow(), actor, true);
        }
        Step step = switch (action) {
            case DISPATCH -> {
                Lifecycle.check(action, order.type(), order.status(), who, order.handler());
                String handler = fieldStaff(request.handler(), actor);
                refuseGuardedAssignment(handler, order, now);
                yield order.dispatch(handler, who, now);
            }
            case ACCEPT -> order.take(who, now);
            case ARRIVE -> order.arriveOnSite(request.note(), who, now);
            case RESTORE -> order.restorePower(request.note(), who, now);
            case REPLY -> {
                // the move is checked first (a reply in the wrong state is a 409), then its content
                Step replied = order.reply(request.replyText(), request.result(), who, now);
                replyRequirements.refuseIncomplete(order.type(), request.replyText(), now);
                yield replied;
            }
            case REVIEW -> order.review(request.approved(), request.note(), who, now);
            case VISIT -> throw new IllegalStateException("a visit is recorded by recordVisit");
            case CLOSE -> {
                boolean firstContact = order.status() == WorkOrderStatus.ACCEPTED;
                Step closed = order.close(request.replyText() != null ? request.replyText() : request.note(),
                        visitPending(order), who, now);
                if (firstContact) {
                    // a consultation answered at first contact: the reply is given here
                    replyRequirements.refuseIncomplete(order.type(), request.replyText(), now);
                }
                yield closed;
            }
            case RETURN -> order.giveBack(request.reason(), who, now);
            case TRANSFER -> {
                Lifecycle.check(action, order.type(), order.status(), who, order.handler());
                OrgUnit to = transferTarget(request.unitCode());
                yield order.transfer(to.id().value(), to.code(), to.areaType().name(), request.reason(), who, now);
            }
            case SUSPEND -> order.suspend(request.reason(), who, now);
            case RESUME -> order.resume(request.reason() != null ? request.reason() : request.note(), who, now);
            case CANCEL -> order.cancel(request.reason(), who, now);
            case REOPEN -> order.reopen(request.reason() != null ? request.reason() : request.note(), who, now);
            case URGE -> order.urge(request.note(), who, now);
            case SUPERVISE -> order.supervise(request.note(), request.dueAt(), who, now);
            case MERGE -> {
                Lifecycle.check(action, order.type(), order.status(), who, order.handler());
                if (request.parentNumber() == null || request.parentNumber().isBlank()) {
                    throw InvalidInputException.of("parentNumber", "validation.workOrder.required");
                }
                WorkOrder parent = orders.findByNumber(request.parentNumber().trim(), scope)
                        .orElseThrow(() -> InvalidInputException.of("parentNumber",
                                "validation.workOrder.unknownOrder", request.parentNumber()));
                yield order.mergeInto(parent, who, now);
            }
        };
        if (!orders.update(order)) {
            throw ConflictException.staleVersion(ENTITY, number);
        }
        long id = order.id().value();
        orders.insertTimeline(id, now, actor.username(), step);
        audit.record("WORK_ORDER_" + action.name(), ENTITY, number, "%s → %s%s".formatted(step.from(), step.to(),
                step.note() == null ? "" : ": " + step.note()));
        for (OrderEvent event : step.slaEvents()) {
            sla.record(id, event, order.status().name(), now);
        }
        if (action == Action.URGE || action == Action.SUPERVISE) {
            inbox.notify(order, action.name(), step.note());
        } else if (action == Action.DISPATCH) {
            inbox.notifyHandler(order, action.name(), order.number());
        }
        events.publishEvent(new WorkOrderTransitioned(id, number, action, step.from(), step.to(), actor.username(),
                now));
        return view(orders.findById(id).orElseThrow(), actor, true);
    }

    // ---- return visits

    /**
     * A customer's self-rating (through a survey link, validated by the survey module) recorded as a visit
     * attempt on an order that is waiting for its visit; 409 when it no longer is (visited, reopened, closed).
     */
    @Transactional
    public void recordSelfRating(long orderId, VisitResult result, int score, String comment) {
        WorkOrder order = orders.findById(orderId).orElseThrow(() -> new NotFoundException(ENTITY, orderId));
        if (score < 1 || score > 5) {
            throw InvalidInputException.of("score", "validation.workOrder.score");
        }
        var input = VisitInput.selfRating(result, score, comment);
        recordVisit(order, input, VisitInput.CUSTOMER, new Acting(VisitInput.CUSTOMER, order.unitId(),
                Set.of("CUSTOMER")), Instant.now(clock));
    }

    /** Whether the order still waits for a return visit its type needs (so it may not be archived yet). */
    private boolean visitPending(WorkOrder order) {
        return order.status() == WorkOrderStatus.REVIEWED && settingOf(order.type()).visitNeeded();
    }

    ReturnVisitSetting settingOf(WorkOrderType type) {
        return visits.setting(type).orElseGet(() -> new ReturnVisitSetting(type, false, false, 1,
                DissatisfiedAction.REOPEN, "system", Instant.EPOCH, 0));
    }

    /**
     * One attempt: checks the input, moves the order (an unreachable attempt short of the last keeps it
     * waiting), writes the attempt row, then — in the same transaction — the timeline, the SLA events, the
     * audit record and ReturnVisitRecorded. A dissatisfied verdict reopens the order to its handler or
     * escalates to the unit's supervisors, as the type's setting says.
     */
    private void recordVisit(WorkOrder order, VisitInput input, String visitor, Acting who, Instant now) {
        Lifecycle.check(Action.VISIT, order.type(), order.status(), who, order.handler());
        input.check();
        long id = order.id().value();
        ReturnVisitSetting setting = settingOf(order.type());
        int attempt = visits.nextAttempt(id);
        boolean lastTry = visits.openAttempts(id) + 1 >= setting.maxAttempts();
        List<Step> steps = new ArrayList<>();
        Step visit = order.recordVisit(input.result(), lastTry, input.comment(), who, now);
        steps.add(visit);
        boolean ended = visit.to() == WorkOrderStatus.VISITED;
        boolean escalate = input.result() == VisitResult.DISSATISFIED
                && setting.dissatisfiedAction() == DissatisfiedAction.ESCALATE;
        if (input.result() == VisitResult.DISSATISFIED && !escalate) {
            steps.add(order.reopenAfterDissatisfiedVisit(visit.note(), now));
        }
        if (!orders.update(order)) {
            throw ConflictException.staleVersion(ENTITY, order.number());
        }
        visits.insert(id, new VisitAttempt(attempt, input.result(), input.aspects(), input.comment(), input.score(),
                input.source(), ended, visitor, now));
        for (Step step : steps) {
            orders.insertTimeline(id, now, visitor, step);
            for (OrderEvent event : step.slaEvents()) {
                sla.record(id, event, step.to().name(), now);
            }
        }
        audit.record("WORK_ORDER_VISIT", ENTITY, order.number(), "attempt %d by %s: %s%s%s → %s".formatted(attempt,
                input.source(), input.result(), input.aspects().isEmpty() ? "" : " " + input.aspects(),
                input.comment() == null ? "" : ": " + input.comment(), visit.to()));
        if (steps.size() > 1) {
            audit.record("WORK_ORDER_REOPEN", ENTITY, order.number(), "%s → %s: dissatisfied return visit"
                    .formatted(WorkOrderStatus.VISITED, order.status()));
            inbox.notifyHandler(order, "VISIT_REOPENED", input.comment());
        }
        if (escalate) {
            audit.record("WORK_ORDER_VISIT_ESCALATED", ENTITY, order.number(), "dissatisfied return visit "
                    + "escalated to the supervisors of unit " + order.unitCode());
            inbox.notify(order, "VISIT_ESCALATED", input.comment());
        }
        events.publishEvent(new ReturnVisitRecorded(id, order.number(), order.type(), order.unitId(), input.result(),
                input.aspects(), attempt, ended, input.source(), input.score(), visitor, now));
        for (Step step : steps) {
            events.publishEvent(new WorkOrderTransitioned(id, order.number(), step.action(), step.from(), step.to(),
                    visitor, now));
        }
    }

    private String fieldStaff(String username, Actor actor) {
        if (username == null || username.isBlank()) {
            throw InvalidInputException.of("handler", "validation.workOrder.required");
        }
        UserView user;
        try {
            user = users.get(username.trim(), actor);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("handler", "validation.workOrder.notFieldStaff", username);
        }
        if (!user.enabled() || !user.roles().contains(Role.FIELD_STAFF)) {
            throw InvalidInputException.of("handler", "validation.workOrder.notFieldStaff", username);
        }
        return user.username();
    }

    /** Asks every {@link AssignmentGuard}; the first refusal is a 400 naming {@code handler}. */
    private void refuseGuardedAssignment(String handler, WorkOrder order, Instant now) {
        var assignment = new AssignmentGuard.Assignment(handler, order.type(), order.categoryCode(), now);
        assignmentGuards.orderedStream().map(guard -> guard.refusal(assignment)).flatMap(Optional::stream).findFirst()
                .ifPresent(refusal -> {
                    throw InvalidInputException.of("handler", refusal.messageCode(), refusal.arguments().toArray());
                });
    }

    private OrgUnit transferTarget(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw InvalidInputException.of("unitCode", "validation.workOrder.required");
        }
        return units.findByCode(unitCode.trim()).filter(OrgUnit::enabled)
                .orElseThrow(() -> InvalidInputException.of("unitCode", "validation.workOrder.unknownUnit", unitCode));
    }

    /** The field staff a dispatcher may assign: enabled FIELD_STAFF users within the caller's scope. */
    @Transactional(readOnly = true)
    public List<UserView> fieldStaffFor(Actor actor) {
        return users.find(null, Role.FIELD_STAFF, true, PageQuery.of(0, PageQuery.MAX_SIZE, null, Users.SORTS), actor)
                .items();
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return orders.categories();
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(String code) {
        return orders.category(code);
    }

    @Transactional
    public Category addCategory(Category category, Actor actor) {
        if (orders.category(category.code()).isPresent()) {
            throw new ConflictException("error.workOrder.duplicateCategory", category.code());
        }
        if (category.parentCode() != null) {
            Category parent = orders.category(category.parentCode()).orElseThrow(() ->
                    InvalidInputException.of("parentCode", "validation.workOrder.unknownCategory", category.parentCode()));
            if (parent.type() != category.type()) {
                throw InvalidInputException.of("type", "validation.workOrder.categoryOfOtherType", parent.code(),
                        category.type());
            }
        }
        orders.insertCategory(category);
        categories.invalidateAll();
        audit.record("WORK_ORDER_CATEGORY_CREATED", "WorkOrderCategory", category.code(), category.name());
        return orders.category(category.code()).orElseThrow();
    }

    /**
     * Renames, re-sorts or moves a category (code and type never change). A category moves only under one of
     * its own type, and never under itself or one of its descendants; orders keep their category code.
     */
    @Transactional
    public Category changeCategory(String code, CategoryChange change, Actor actor) {
        Category current = orders.category(code).orElseThrow(() -> new NotFoundException("WorkOrderCategory", code));
        String parentCode = WorkOrder.blankToNull(change.parentCode());
        if (parentCode != null) {
            Category parent = orders.category(parentCode).orElseThrow(() ->
                    InvalidInputException.of("parentCode", "validation.workOrder.unknownCategory", parentCode));
            if (parent.type() != current.type()) {
                throw InvalidInputException.of("parentCode", "validation.workOrder.categoryOfOtherType", parent.code(),
                        current.type());
            }
            Map<String, String> parents = new HashMap<>();
            orders.categories().forEach(c -> parents.put(c.code(), c.parentCode()));
            for (String ancestor = parentCode; ancestor != null; ancestor = parents.get(ancestor)) {
                if (ancestor.equals(code)) {
                    throw InvalidInputException.of("parentCode", "validation.workOrder.categoryCycle", parentCode, code);
                }
            }
        }
        Category changed = new Category(code, parentCode, current.type(), change.name().trim(), change.nameEn().trim(),
                change.sortOrder() == null ? current.sortOrder() : change.sortOrder(), current.enabled());
        orders.updateCategory(changed);
        categories.invalidateAll();
        audit.record("WORK_ORDER_CATEGORY_CHANGED", "WorkOrderCategory", code, "parent %s → %s, name %s → %s, %s → %s, sort %d → %d"
                .formatted(current.parentCode(), changed.parentCode(), current.name(), changed.name(), current.nameEn(),
                        changed.nameEn(), current.sortOrder(), changed.sortOrder()));
        return changed;
    }

    @Transactional
    public void enableCategory(String code, boolean enabled, Actor actor) {
        if (!orders.setCategoryEnabled(code, enabled)) {
            throw new NotFoundException("WorkOrderCategory", code);
        }
        categories.invalidateAll();
        audit.record(enabled ? "WORK_ORDER_CATEGORY_ENABLED" : "WORK_ORDER_CATEGORY_DISABLED", "WorkOrderCategory",
                code, code);
    }

    /** Recent orders of a customer within the scope (for the intake page), newest first. */
    @Transactional(readOnly = true)
    public List<WorkOrderView> recentOfCustomer(String customerNumber, Actor actor, int limit) {
        var filter = new WorkOrderFilter(null, false, null, null, null, null, null, null, customerNumber, null, null,
                null);
        return orders.find(filter, units.scopeOf(actor), PageQuery.of(0, limit, "createdAt,desc", SORTS)).items()
                .stream().map(order -> view(order, actor, false, null, null, null)).toList();
    }

    // ---- console helpers

    /** Customers matching a number, phone, name or address fragment, for the intake page. */
    @Transactional(readOnly = true)
    public List<CustomerSummary> lookupCustomers(String query, Actor actor) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return customers.search(query.trim(), units.scopeOf(actor), 10);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerSummary> customer(String number, Actor actor) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return customers.find(number.trim(), units.scopeOf(actor));
    }

    /** The clocks an order would get if accepted now (areaType from the customer's unit, else the agent's). */
    @Transactional(readOnly = true)
    public List<ClockView> preview(WorkOrderType type, SubType subType, Priority priority, Channel channel,
                                   String customerNumber, Actor actor) {
        if (type == null || channel == null) {
            return List.of();
        }
        long unitId = customer(customerNumber, actor).map(CustomerSummary::unitId).orElse(actor.unitId());
        String areaType = units.findById(new OrgUnitId(unitId)).map(u -> u.areaType().name()).orElse("URBAN");
        return sla.preview(new OrderProfile(type.name(), subType == null ? null : subType.name(),
                (priority == null ? Priority.NORMAL : priority).name(), areaType, channel.name()), Instant.now(clock));
    }

    /** One of the console's queues: mine, team, toDispatch, toReview, overdue, warning. */
    @Transactional(readOnly = true)
    public PageResult<WorkOrderView> queue(String queue, int page, Actor actor) {
        WorkOrderFilter filter = switch (queue) {
            case "team" -> new WorkOrderFilter(null, true, null, null, Set.of(actor.unitId()), null, null, null, null,
                    null, null, null);
            case "toDispatch" -> new WorkOrderFilter(Set.of(WorkOrderStatus.ACCEPTED, WorkOrderStatus.RETURNED), true,
                    null, null, null, null, null, null, null, null, null, null);
            case "toReview" -> new WorkOrderFilter(Set.of(WorkOrderStatus.REPLIED), true, null, null, null, null, null,
                    null, null, null, null, null);
            case "overdue" -> new WorkOrderFilter(null, true, null, null, null, null, true, null, null, null, null,
                    null);
            case "warning" -> new WorkOrderFilter(null, true, null, null, null, null, null, true, null, null, null,
                    null);
            default -> new WorkOrderFilter(null, true, null, null, null, actor.username(), null, null, null, null,
                    null, null);
        };
        return find(filter, PageQuery.of(page, 20, "createdAt,desc", SORTS), actor);
    }

    /** Open orders of a customer: what a new call may be a repeat of. */
    @Transactional(readOnly = true)
    public List<WorkOrderView> openOfCustomer(String customerNumber, Actor actor) {
        var filter = new WorkOrderFilter(null, true, null, null, null, null, null, null, customerNumber, null, null,
                null);
        return find(filter, PageQuery.of(0, 10, "createdAt,desc", SORTS), actor).items();
    }

    @Transactional(readOnly = true)
    public List<Notification> notifications(Actor actor) {
        return inbox.latest(actor, 50);
    }

    @Transactional(readOnly = true)
    public long unreadNotifications(Actor actor) {
        return inbox.unread(actor);
    }

    @Transactional
    public void markNotificationsRead(Actor actor) {
        inbox.markAllRead(actor);
    }

    // ---- attachments

    @Transactional
    public AttachmentInfo attach(String number, String filename, byte[] content, Actor actor) {
        WorkOrder order = load(number, units.scopeOf(actor));
        String contentType = AttachmentRules.check(filename, content, properties);
        Instant now = Instant.now(clock);
        String name = AttachmentRules.safeName(filename);
        long id = orders.insertAttachment(order.id().value(), name, contentType, content, actor.username(), now);
        audit.record("WORK_ORDER_ATTACHMENT_ADDED", ENTITY, number, "%s (%s, %d bytes)".formatted(name, contentType,
                content.length));
        return new AttachmentInfo(id, name, contentType, content.length, actor.username(), now);
    }

    @Transactional(readOnly = true)
    public Attachment attachment(String number, long attachmentId, Actor actor) {
        WorkOrder order = load(number, units.scopeOf(actor));
        return orders.attachment(order.id().value(), attachmentId)
                .map(a -> new Attachment(a.filename(), a.contentType(), a.content()))
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    /** An attachment's bytes, for download. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    // ---- SLA marks

    /** Marks the order amber/red and notifies its handler and the unit's supervisors. */
    @Transactional
    void slaAlarm(long orderId, String state, String clockName, Instant dueAt) {
        orders.findById(orderId).ifPresent(order -> {
            orders.markSla(orderId, state);
            inbox.notify(order, "SLA_" + state, clockName + " " + dueAt);
            if (state.equals("BREACHED")) {
                audit.record("WORK_ORDER_SLA_BREACHED", ENTITY, order.number(), clockName + " due " + dueAt);
            }
        });
    }

    // ---- views

    private WorkOrder load(String number, DataScope scope) {
        return orders.findByNumber(number, scope).orElseThrow(() -> new NotFoundException(ENTITY, number));
    }

    private WorkOrderView view(WorkOrder order, Actor actor, boolean full) {
        long id = order.id().value();
        if (!full) {
            return view(order, actor, false, null, null, sla.clocksOf(id, Instant.now(clock)));
        }
        return view(order, actor, true, orders.timeline(id), orders.attachments(id),
                sla.clocksOf(id, Instant.now(clock)));
    }

    private WorkOrderView view(WorkOrder order, Actor actor, boolean unmaskAllowed, List<TimelineEntry> timeline,
                               List<AttachmentInfo> attachments, List<ClockView> clocks) {
        return view(order, actor, unmaskAllowed, timeline, attachments, clocks,
                timeline == null ? null : orders.numberOf(order.repeatOfId()).orElse(null));
    }

    private WorkOrderView view(WorkOrder order, Actor actor, boolean unmaskAllowed, List<TimelineEntry> timeline,
                               List<AttachmentInfo> attachments, List<ClockView> clocks, String repeatOfNumber) {
        // the handler calls the customer back; so does the agent making the return visit
        boolean unmasked = unmaskAllowed && (actor.isAdmin() || actor.username().equals(order.handler())
                || (order.status() == WorkOrderStatus.REVIEWED && order.allows(Action.VISIT, Acting.of(actor))));
        if (unmasked && timeline != null) {
            audit.record("WORK_ORDER_PHONE_VIEWED", ENTITY, order.number(), "caller phone shown unmasked");
        }
        Set<String> flags = new LinkedHashSet<>();
        if (order.flags().sensitive()) {
            flags.add("SENSITIVE");
        }
        if (order.flags().media()) {
            flags.add("MEDIA");
        }
        if (order.flags().escalationRisk()) {
            flags.add("ESCALATION_RISK");
        }
        if (order.flags().repeat()) {
            flags.add("REPEAT");
        }
        Acting who = Acting.of(actor);
        List<String> actions = timeline == null ? null
                : Arrays.stream(Action.values()).filter(a -> order.allows(a, who))
                        // an order still waiting for the visit its type needs cannot be archived yet
                        .filter(a -> a != Action.CLOSE || !visitPending(order)).map(Action::path).toList();
        return new WorkOrderView(order.number(), order.type(), order.subType(), order.categoryCode(), order.channel(),
                order.priority(), order.status(), order.customerNumber(), order.callerName(),
                unmasked ? order.callerPhone() : mask(order.callerPhone()), order.address(), order.areaType(),
                order.unitCode(), order.handler(), order.description(), flags, order.slaState(),
                repeatOfNumber,
                timeline == null ? null : orders.numberOf(order.parentId()).orElse(null), order.arrivedAt(),
                order.restoredAt(), order.replyText(), order.result(), order.satisfaction(), order.urgeCount(),
                order.reopenCount(), order.superviseNote(), order.superviseDueAt(), order.createdBy(),
                order.createdAt(), order.updatedAt(), order.version(), clocks, timeline, attachments, actions);
    }

    /** {@code 13812345678} → {@code 138****5678} (see {@link org.gridcare.shared.Masking#phone}). */
    static String mask(String phone) {
        return org.gridcare.shared.Masking.phone(phone);
    }
}
