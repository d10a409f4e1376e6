package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.billing.BasicChargeBasis;
import org.gridcare.customer.BillingAccount;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.NewWorkOrder;
import org.gridcare.workorder.Priority;
import org.gridcare.workorder.SubType;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrderView;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service plans (个性化服务方案): the chosen advice options recorded against the customer's work order, carried
 * out — a tariff or basic-charge change through a SERVICE_APPLICATION order created with the work-order module's
 * API, never by editing the customer — and evaluated after {@code evaluationMonths} full months by
 * {@link PlanEvaluator}. Every change is audited; everything is within the caller's data scope.
 */
@Service
class Plans {

    static final String ENTITY = "ServicePlan";

    private final Advisor advisor;
    private final ServicePlanRepository plans;
    private final WorkOrders workOrders;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final PlanProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    Plans(Advisor advisor, ServicePlanRepository plans, WorkOrders workOrders, OrgUnits units, AuditTrail audit,
          PlanProperties properties, MessageSource messages, Clock clock) {
        this.advisor = advisor;
        this.plans = plans;
        this.workOrders = workOrders;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Records a plan: the order must be the customer's, the options keys of advised options of the advice computed
     * now, a customer has at most one open (recorded or carried-out) plan.
     */
    @Transactional
    public PlanView record(String customerNumber, NewPlan command, Actor actor) {
        BillingAccount account = advisor.account(customerNumber, actor);
        if (command == null) {
            throw InvalidInputException.of("orderNumber", "plan.validation.required");
        }
        String orderNumber = command.orderNumber() == null ? "" : command.orderNumber().strip();
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        if (orderNumber.isEmpty()) {
            problems.add(new InvalidInputException.Violation("orderNumber", "plan.validation.required"));
        }
        Set<String> keys = command.options() == null ? Set.of() : command.options().stream()
                .filter(k -> k != null && !k.isBlank()).map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
        if (keys.isEmpty()) {
            problems.add(new InvalidInputException.Violation("options", "plan.validation.noOption"));
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 1000) {
            problems.add(new InvalidInputException.Violation("note", "plan.validation.tooLong", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BigDecimal share = advisor.share(command.peakShiftShare());
        WorkOrderView order;
        try {
            order = workOrders.get(orderNumber, actor);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("orderNumber", "plan.validation.unknownOrder", orderNumber);
        }
        if (!account.number().equals(order.customerNumber())) {
            throw InvalidInputException.of("orderNumber", "plan.validation.otherCustomer", orderNumber, account.number());
        }
        if (plans.hasOpenPlan(account.number())) {
            throw new ConflictException("plan.conflict.open", account.number());
        }
        Instant now = Instant.now(clock);
        Advice advice = advisor.advise(account, share, now, LocaleContextHolder.getLocale());
        List<Advice.Option> chosen = new ArrayList<>();
        for (String key : keys) {
            Advice.Option option = advice.options().stream().filter(o -> o.key().equals(key)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("options", "plan.validation.unknownOption", key));
            if (option.informational() || !option.advised()) {
                throw InvalidInputException.of("options", "plan.validation.notAdvised", key);
            }
            chosen.add(option);
        }
        if (chosen.stream().map(Advice.Option::kind).distinct().count() < chosen.size()
                || (has(chosen, AdviceKind.TARIFF_SWITCH) && chosen.size() > 1)) {
            throw InvalidInputException.of("options", "plan.validation.conflict");
        }
        String tariffAfter = advice.tariffCode();
        BasicChargeBasis basisAfter = advice.basis();
        for (Advice.Option o : chosen) {
            if (o.kind() == AdviceKind.TARIFF_SWITCH) {
                tariffAfter = o.targetTariff();
                basisAfter = o.targetBasis();
            } else if (o.kind() == AdviceKind.BASIC_CHARGE_BASIS) {
                basisAfter = o.targetBasis();
            }
        }
        BigDecimal estimated = chosen.stream().map(Advice.Option::annualSaving).reduce(BigDecimal.ZERO, BigDecimal::add);
        long id = plans.insert(new ServicePlanRepository.Row(0, account.number(), account.unitId(), orderNumber,
                PlanStatus.RECORDED, advice.tariffCode(), advice.basis(), tariffAfter, basisAfter, account.capacityKva(),
                has(chosen, AdviceKind.PEAK_SHIFT) ? share : null, estimated, advice.from(), advice.to(), note, null,
                properties.evaluationMonths(), actor.username(), now, null, null, null, null, 0, null, null, null));
        for (Advice.Option o : chosen) {
            plans.insertOption(id, new PlanView.ChosenOption(o.key(), o.kind(), o.annualSaving(), o.summary()));
        }
        audit.record("PLAN_RECORDED", ENTITY, String.valueOf(id), "customer %s, order %s: %s, estimated %s 元/year"
                .formatted(account.number(), orderNumber, String.join(", ", keys), estimated.toPlainString()));
        return get(id, actor);
    }

    private static boolean has(List<Advice.Option> chosen, AdviceKind kind) {
        return chosen.stream().anyMatch(o -> o.kind() == kind);
    }

    /** What carrying a plan out needs when it changes the contract: who the application order is for. */
    public record Execution(String contactName, String contactPhone, Integer version) {
    }

    /**
     * Carries a recorded plan out: a tariff or basis change becomes a SERVICE_APPLICATION order of the customer
     * (contact name and phone required then); the evaluation is due {@code evaluationGrace} after the last of the
     * {@code evaluationMonths} full months following this month.
     */
    @Transactional
    public PlanView execute(long id, Execution command, Actor actor) {
        ServicePlanRepository.Row plan = locked(id, actor);
        if (plan.status() != PlanStatus.RECORDED) {
            throw new ConflictException("plan.conflict.status", id, plan.status());
        }
        if (command != null && command.version() != null && command.version() != plan.version()) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        List<PlanView.ChosenOption> options = plans.options(List.of(id)).getOrDefault(id, List.of());
        Instant now = Instant.now(clock);
        String application = null;
        if (options.stream().anyMatch(o -> o.kind().needsApplication())) {
            String name = command == null || command.contactName() == null ? "" : command.contactName().strip();
            String phone = command == null || command.contactPhone() == null ? "" : command.contactPhone().strip();
            List<InvalidInputException.Violation> problems = new ArrayList<>();
            if (name.isEmpty() || name.length() > 50) {
                problems.add(new InvalidInputException.Violation("contactName", name.isEmpty()
                        ? "plan.validation.required" : "plan.validation.tooLong", 50));
            }
            if (!phone.matches("[0-9+\\- ]{5,30}")) {
                problems.add(new InvalidInputException.Violation("contactPhone", "plan.validation.phone"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            WorkOrderView origin = workOrders.get(plan.orderNumber(), actor);
            Locale locale = LocaleContextHolder.getLocale();
            String description = describe(plan, locale);
            application = workOrders.create(new NewWorkOrder(WorkOrderType.SERVICE_APPLICATION, SubType.OTHER,
                    properties.applicationCategory(), origin.channel(), Priority.NORMAL, plan.customerNumber(), name,
                    phone, null, description, false, false, false), "service-plan-" + id, actor).order().number();
        }
        YearMonth executedIn = YearMonth.from(LocalDate.ofInstant(now, BusinessTime.ZONE));
        Instant due = executedIn.plusMonths(plan.evaluationMonths() + 1L).atDay(1).atStartOfDay(BusinessTime.ZONE)
                .toInstant().plus(properties.evaluationGrace());
        plans.executed(id, plan.version(), actor.username(), now, application, due);
        audit.record("PLAN_EXECUTED", ENTITY, String.valueOf(id), "customer %s%s, evaluation due %s".formatted(
                plan.customerNumber(), application == null ? "" : ", application " + application, due));
        return get(id, actor);
    }

    private String describe(ServicePlanRepository.Row plan, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (!plan.tariffAfter().equals(plan.tariffBefore())) {
            parts.add(messages.getMessage("plan.application.tariff", new Object[] {plan.tariffBefore(), plan.tariffAfter()}, locale));
        }
        if (plan.basisAfter() != null && plan.basisAfter() != plan.basisBefore()) {
            parts.add(messages.getMessage("plan.application.basis", new Object[] {
                    messages.getMessage("plan.basis." + plan.basisBefore(), null, locale),
                    messages.getMessage("plan.basis." + plan.basisAfter(), null, locale)}, locale));
        }
        return messages.getMessage("plan.application.description", new Object[] {String.valueOf(plan.id()),
                plan.orderNumber(), String.join("；", parts)}, locale);
    }

    @Transactional
    public PlanView cancel(long id, Integer version, Actor actor) {
        ServicePlanRepository.Row plan = locked(id, actor);
        if (plan.status() != PlanStatus.RECORDED) {
            throw new ConflictException("plan.conflict.status", id, plan.status());
        }
        if (version != null && version != plan.version()) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        plans.cancelled(id, plan.version(), actor.username(), Instant.now(clock));
        audit.record("PLAN_CANCELLED", ENTITY, String.valueOf(id), "customer " + plan.customerNumber());
        return get(id, actor);
    }

    private ServicePlanRepository.Row locked(long id, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        plans.find(id, scope).orElseThrow(() -> new NotFoundException(ENTITY, id));
        return plans.lock(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    @Transactional(readOnly = true)
    public PlanView get(long id, Actor actor) {
        ServicePlanRepository.Row row = plans.find(id, units.scopeOf(actor)).orElseThrow(() -> new NotFoundException(ENTITY, id));
        return views(List.of(row), true).get(0);
    }

    @Transactional(readOnly = true)
    public List<PlanView> ofCustomer(String customerNumber, Actor actor) {
        BillingAccount account = advisor.account(customerNumber, actor);
        return views(plans.ofCustomer(account.number(), units.scopeOf(actor)), false);
    }

    @Transactional(readOnly = true)
    public List<PlanView> ofOrder(String orderNumber, Actor actor) {
        return views(plans.ofOrder(orderNumber == null ? "" : orderNumber.strip(), units.scopeOf(actor)), false);
    }

    @Transactional(readOnly = true)
    public List<PlanView> recent(PlanStatus status, Actor actor) {
        return views(plans.recent(status, units.scopeOf(actor), 200), false);
    }

    /** Per unit in the caller's scope: plans carried out from {@code from} to {@code to} (inclusive days), realised savings. */
    public record UnitSavings(long unitId, String unitCode, String unitName, long plans, long evaluated,
                              BigDecimal estimated, BigDecimal realised) {
    }

    @Transactional(readOnly = true)
    public List<UnitSavings> savingsByUnit(LocalDate from, LocalDate to, Actor actor) {
        LocalDate end = to == null ? LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (end.isBefore(start)) {
            throw InvalidInputException.of("to", "plan.validation.endBeforeStart");
        }
        return plans.savingsByUnit(units.scopeOf(actor), start.atStartOfDay(BusinessTime.ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()).stream().map(s -> {
            var unit = units.findById(new org.gridcare.organisation.OrgUnitId(s.unitId()));
            return new UnitSavings(s.unitId(), unit.map(u -> u.code()).orElse(null), unit.map(u -> u.name()).orElse(null),
                    s.plans(), s.evaluated(), s.estimated(), s.realised());
        }).toList();
    }

    List<PlanView> views(List<ServicePlanRepository.Row> rows, boolean withMonths) {
        List<Long> ids = rows.stream().map(ServicePlanRepository.Row::id).toList();
        Map<Long, List<PlanView.ChosenOption>> options = plans.options(ids);
        Map<Long, PlanView.Evaluation> evaluations = plans.evaluations(ids, withMonths);
        return rows.stream().map(r -> new PlanView(r.id(), r.customerNumber(), r.unitId(), r.orderNumber(), r.status(),
                r.tariffBefore(), r.basisBefore(), r.tariffAfter(), r.basisAfter(), r.peakShiftShare(),
                r.estimatedSaving(), r.adviceFrom(), r.adviceTo(), r.note(), r.applicationOrder(), r.evaluationMonths(),
                r.createdBy(), r.createdAt(), r.executedBy(), r.executedAt(), r.evaluationDueAt(), r.evaluatedAt(),
                r.version(), options.getOrDefault(r.id(), List.of()), evaluations.get(r.id()), r.effectiveFrom(),
                r.applicationStatus(), r.applicationDoneAt())).toList();
    }
}
