package org.gridcare.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.Masking;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.sla.SlaClocks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return visits (回访) beside the order lifecycle: the per-type settings, the queue of orders waiting for a
 * visit and the attempts made on one order. The visit itself is an action on the order
 * ({@link WorkOrders#act} with {@link Action#VISIT}, or {@link WorkOrders#recordSelfRating}).
 */
@Service
public class ReturnVisits {

    /** The queue is sorted by due time in memory over at most this many waiting orders. */
    static final int QUEUE_CAP = 2_000;
    static final String SETTING = "ReturnVisitSetting";

    private final VisitRepository visits;
    private final WorkOrderRepository orders;
    private final OrgUnits units;
    private final SlaClocks sla;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnVisits(VisitRepository visits, WorkOrderRepository orders, OrgUnits units, SlaClocks sla, AuditTrail audit,
                 Clock clock) {
        this.visits = visits;
        this.orders = orders;
        this.units = units;
        this.sla = sla;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReturnVisitSetting> settings() {
        return visits.settings();
    }

    @Transactional(readOnly = true)
    public ReturnVisitSetting setting(WorkOrderType type) {
        return visits.setting(type).orElseThrow(() -> new NotFoundException(SETTING, type));
    }

    /** Changes the rule of one type (administrators); a mandatory visit cannot be turned off. */
    @Transactional
    public ReturnVisitSetting change(WorkOrderType type, ReturnVisitSetting.Change change, Actor actor) {
        ReturnVisitSetting current = setting(type);
        if (change.version() == null) {
            throw InvalidInputException.of("version", "validation.workOrder.required");
        }
        if (change.version() != current.version()) {
            throw ConflictException.staleVersion(SETTING, type.name());
        }
        boolean needed = change.visitNeeded() == null ? current.visitNeeded() : change.visitNeeded();
        if (!needed && current.mandatory()) {
            throw InvalidInputException.of("visitNeeded", "validation.workOrder.visitMandatory", type);
        }
        int max = change.maxAttempts() == null ? current.maxAttempts() : change.maxAttempts();
        if (max < 1 || max > 10) {
            throw InvalidInputException.of("maxAttempts", "validation.workOrder.maxAttempts", 1, 10);
        }
        DissatisfiedAction action = change.dissatisfiedAction() == null ? current.dissatisfiedAction()
                : change.dissatisfiedAction();
        var changed = new ReturnVisitSetting(type, needed, current.mandatory(), max, action, actor.username(),
                Instant.now(clock), current.version());
        if (!visits.update(changed)) {
            throw ConflictException.staleVersion(SETTING, type.name());
        }
        audit.record("RETURN_VISIT_SETTING_CHANGED", SETTING, type.name(), "visitNeeded %s → %s, maxAttempts %d → %d, "
                .formatted(current.visitNeeded(), needed, current.maxAttempts(), max)
                + "dissatisfiedAction %s → %s".formatted(current.dissatisfiedAction(), action));
        return setting(type);
    }

    /** The order as the survey module sees it (no scope: a system read, for issuing and checking links). */
    @Transactional(readOnly = true)
    public java.util.Optional<VisitSubject> subject(long orderId) {
        return orders.findById(orderId).map(o -> new VisitSubject(o.id().value(), o.number(), o.type(), o.unitId(),
                o.customerNumber(), o.callerPhone(), o.status(),
                visits.setting(o.type()).map(ReturnVisitSetting::visitNeeded).orElse(false)));
    }

    /** The attempts made on one order within the caller's scope, in order. */
    @Transactional(readOnly = true)
    public List<VisitAttempt> attempts(String number, Actor actor) {
        WorkOrder order = orders.findByNumber(number, units.scopeOf(actor))
                .orElseThrow(() -> new NotFoundException(WorkOrders.ENTITY, number));
        return visits.attempts(order.id().value());
    }

    /**
     * 待回访: orders in the caller's scope waiting for a visit their type needs, overdue ones first, then by
     * the due time of their RETURN_VISIT clock (orders without one last, oldest review first).
     */
    @Transactional(readOnly = true)
    public PageResult<AwaitingVisit> queue(int page, int size, Actor actor) {
        Map<WorkOrderType, ReturnVisitSetting> settings = visits.settings().stream()
                .collect(Collectors.toMap(ReturnVisitSetting::type, s -> s));
        Set<WorkOrderType> types = EnumSet.noneOf(WorkOrderType.class);
        settings.values().stream().filter(ReturnVisitSetting::visitNeeded).forEach(s -> types.add(s.type()));
        List<VisitRepository.Awaiting> waiting = visits.awaiting(types, units.scopeOf(actor), QUEUE_CAP);
        Map<Long, Instant> due = sla.runningDueTimes("RETURN_VISIT",
                waiting.stream().map(w -> w.order().id().value()).toList());
        Instant now = Instant.now(clock);
        List<AwaitingVisit> sorted = waiting.stream().map(w -> {
            WorkOrder o = w.order();
            Instant dueAt = due.get(o.id().value());
            return new AwaitingVisit(o.number(), o.type(), o.unitCode(), o.customerNumber(), o.callerName(),
                    Masking.phone(o.callerPhone()), o.updatedAt(), w.tries(),
                    settings.get(o.type()).maxAttempts(), dueAt, dueAt != null && dueAt.isBefore(now));
        }).sorted(Comparator.comparing((AwaitingVisit a) -> !a.overdue())
                .thenComparing(AwaitingVisit::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AwaitingVisit::reviewedAt)).toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        return new PageResult<>(sorted.subList(from, Math.min(from + size, sorted.size())), page, size, sorted.size());
    }
}
