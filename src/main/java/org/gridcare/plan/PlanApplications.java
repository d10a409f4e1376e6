package org.gridcare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.billing.Tariffs;
import org.gridcare.customer.ChargeBasis;
import org.gridcare.customer.SupplyContracts;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.SystemActor;
import org.gridcare.workorder.WorkOrderStatus;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the SERVICE_APPLICATION orders that carry plans out, in the order's own transaction (a plain
 * {@code @EventListener}: the order's move, the contract change and the plan's new status commit together).
 * <ul>
 * <li>The application is <em>completed</em> when the order is archived (CLOSED): by then the handler has replied,
 * the supervisor approved the reply and the return visit confirmed it — a REPLIED order may still be sent back, and
 * the reply's free-text result says nothing machine-readable about success. The plan's tariff and basis are then
 * written to the customer's supply contract ({@link SupplyContracts}) from the next billing month, and the plan is
 * IN_EFFECT from that month; its evaluation is due after {@code evaluationMonths} full months from it.</li>
 * <li>A cancelled order, or one merged into another (the plan's change was not applied through it), makes the plan
 * NOT_CARRIED_OUT: it is never evaluated.</li>
 * <li>An order completed after its plan was already reported NOT_COMPLETED still changes the contract (the
 * application was granted); the plan becomes IN_EFFECT again and is evaluated from its effective month.</li>
 * <li>Reopening an archived order changes nothing already in force; every status is kept as the plan's
 * {@code applicationStatus}.</li>
 * </ul>
 */
@Component
class PlanApplications {

    private static final Logger log = LoggerFactory.getLogger(PlanApplications.class);
    private static final Set<WorkOrderStatus> DROPPED = EnumSet.of(WorkOrderStatus.CANCELLED, WorkOrderStatus.MERGED);

    private final ServicePlanRepository plans;
    private final SupplyContracts contracts;
    private final Tariffs tariffs;
    private final AuditTrail audit;
    private final PlanProperties properties;
    private final TransactionTemplate savepoint;

    PlanApplications(ServicePlanRepository plans, SupplyContracts contracts, Tariffs tariffs, AuditTrail audit,
                     PlanProperties properties, PlatformTransactionManager transactions) {
        this.plans = plans;
        // the change runs in a savepoint of the transaction that closes the order: refused, it is undone alone and
        // leaves that transaction to commit (a refusal inside a plain participating call would doom the close)
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.contracts = contracts;
        this.tariffs = tariffs;
        this.audit = audit;
        this.properties = properties;
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        if (event.to() == null || event.number() == null) {
            return;
        }
        plans.lockByApplication(event.number()).ifPresent(plan -> {
            plans.applicationStatus(plan.id(), event.to().name());
            if (event.to() == WorkOrderStatus.CLOSED) {
                completed(plan, event.at());
            } else if (DROPPED.contains(event.to()) && plan.status() == PlanStatus.EXECUTED) {
                plans.notCarriedOut(plan.id(), event.at());
                audit.record("PLAN_NOT_CARRIED_OUT", Plans.ENTITY, String.valueOf(plan.id()),
                        "application %s %s".formatted(event.number(), event.to()));
            }
        });
    }

    private void completed(ServicePlanRepository.Row plan, Instant at) {
        boolean lateAfterReport = plan.status() == PlanStatus.EVALUATED && plan.effectiveFrom() == null;
        if (plan.status() != PlanStatus.EXECUTED && !lateAfterReport) {
            return; // already in effect (a reopened order archived again), or not carried out
        }
        YearMonth from = YearMonth.from(LocalDate.ofInstant(at, BusinessTime.ZONE)).plusMonths(1);
        boolean twoPart = tariffs.inForce(plan.tariffAfter(), from.atDay(1)).map(s -> s.twoPart()).orElse(false);
        ChargeBasis basis = twoPart && plan.basisAfter() != null ? ChargeBasis.valueOf(plan.basisAfter().name()) : null;
        try {
            savepoint.executeWithoutResult(status -> contracts.changeContract(plan.customerNumber(), plan.tariffAfter(),
                    basis, from.atDay(1), "服务方案 #%d（申请工单 %s）".formatted(plan.id(), plan.applicationOrder()),
                    plan.applicationOrder(), SystemActor.INSTANCE));
        } catch (InvalidInputException e) {
            // the tariff is no longer in force then (or the capacity is gone): the order closes, the plan waits
            log.warn("Plan {}: the contract change of application {} was refused: {}", plan.id(),
                    plan.applicationOrder(), e.getMessage());
            audit.record("PLAN_CHANGE_REFUSED", Plans.ENTITY, String.valueOf(plan.id()), "application %s: %s"
                    .formatted(plan.applicationOrder(), e.violations().get(0).messageCode()));
            return;
        }
        if (lateAfterReport) {
            plans.dropEvaluation(plan.id());
        }
        Instant due = dueAfter(from, plan.evaluationMonths());
        plans.inEffect(plan.id(), from, at, due);
        audit.record("PLAN_IN_EFFECT", Plans.ENTITY, String.valueOf(plan.id()), "application %s completed: %s%s from %s, evaluation due %s"
                .formatted(plan.applicationOrder(), plan.tariffAfter(), basis == null ? "" : " / " + basis, from, due));
    }

    /** The evaluation of {@code months} full months from {@code from} is due the grace after the last one ends. */
    Instant dueAfter(YearMonth from, int months) {
        return from.plusMonths(months).atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant()
                .plus(properties.evaluationGrace());
    }
}
