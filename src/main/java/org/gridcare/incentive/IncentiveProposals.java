package org.gridcare.incentive;

import java.util.List;
import java.util.Optional;

import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.quality.InspectionResultChanged;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.SystemActor;
import org.gridcare.sla.SlaBreached;
import org.gridcare.training.TrainingCompleted;
import org.gridcare.workorder.Action;
import org.gridcare.workorder.WorkOrderStatus;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Proposes rewards and penalties from what happened, for a manager to approve: a closed PRAISE order credits its
 * handler, a breached clock charges the order's handler (else its taker), an inspection's confirmed error charges
 * the staff member inspected — and an appeal that overturns it withdraws the proposal (or reverses an approved
 * record), and — when its rule proposes automatically — a course completed with a passed exam credits the staff
 * member. The listeners run inside the transaction of the change (like the KPI facts), each an insert that a
 * unique key keeps from repeating; the order's facts come from the work order module's reporting view.
 */
@Component
class IncentiveProposals {

    private static final Actor SYSTEM = SystemActor.INSTANCE;

    private final Incentives incentives;
    private final IncentiveRepository records;
    private final Users users;
    private final OrgUnits units;

    IncentiveProposals(Incentives incentives, IncentiveRepository records, Users users, OrgUnits units) {
        this.incentives = incentives;
        this.records = records;
        this.users = users;
        this.units = units;
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        if (event.action() != Action.CLOSE || event.to() != WorkOrderStatus.CLOSED) {
            return;
        }
        records.order(event.orderId()).filter(o -> o.type().equals("PRAISE") && o.handler() != null)
                .ifPresent(o -> unitOf(o.handler()).ifPresent(unit -> incentives.propose(CauseType.PRAISE_ORDER,
                        o.handler(), unit, o.number(), event.at(), "表扬工单 " + o.number())));
    }

    @EventListener
    void on(SlaBreached event) {
        records.order(event.orderId()).ifPresent(o -> {
            String staff = o.handler() != null ? o.handler() : o.createdBy();
            unitOf(staff).ifPresent(unit -> incentives.propose(CauseType.SLA_BREACH, staff, unit,
                    o.number() + ":" + event.clockName(), event.raisedAt(),
                    "工单 %s 时限 %s 超时".formatted(o.number(), event.clockName())));
        });
    }

    @EventListener
    void on(InspectionResultChanged event) {
        if (event.staff() == null) {
            return;
        }
        String ref = "inspection:" + event.inspectionId();
        CauseType wanted = event.serious() ? CauseType.INSPECTION_SERIOUS_ERROR
                : event.error() ? CauseType.INSPECTION_ERROR : null;
        List<IncentiveRepository.Row> active = incentives.activeOfCause(ref);
        if (active.stream().anyMatch(r -> r.causeType() != wanted)) {
            incentives.causeFellAway(ref, event.appealDecided() ? "申诉改判：质检记录 " + event.inspectionId()
                    : "质检结果变更：质检记录 " + event.inspectionId());
        }
        if (wanted != null && active.stream().noneMatch(r -> r.causeType() == wanted)) {
            String subject = event.orderNumber() != null ? "工单 " + event.orderNumber() : "抽查";
            unitOf(event.staff()).ifPresent(unit -> incentives.propose(wanted, event.staff(), unit, ref, event.at(),
                    "质检记录 %d（%s）确认%s".formatted(event.inspectionId(), subject, event.serious() ? "严重差错" : "差错")));
        }
    }

    /** A course completed with a passed exam (a training result) — proposed only when its rule says so. */
    @EventListener
    void on(TrainingCompleted event) {
        if (event.examScore() == null) {
            return;
        }
        incentives.propose(CauseType.TRAINING_RESULT, event.username(), event.unitId(),
                "training:" + event.enrolmentId(), event.at(), "培训 %s（%s）考试合格，成绩 %s 分"
                        .formatted(event.courseCode(), event.courseTitle(), event.examScore().stripTrailingZeros()
                                .toPlainString()));
    }

    private Optional<Long> unitOf(String username) {
        try {
            UserView user = users.get(username, SYSTEM);
            return units.findByCode(user.unitCode()).map(u -> u.id().value());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
