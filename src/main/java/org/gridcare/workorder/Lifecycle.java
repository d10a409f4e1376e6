package org.gridcare.workorder;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.gridcare.workorder.WorkOrderStatus.ACCEPTED;
import static org.gridcare.workorder.WorkOrderStatus.CANCELLED;
import static org.gridcare.workorder.WorkOrderStatus.CLOSED;
import static org.gridcare.workorder.WorkOrderStatus.DISPATCHED;
import static org.gridcare.workorder.WorkOrderStatus.IN_PROGRESS;
import static org.gridcare.workorder.WorkOrderStatus.MERGED;
import static org.gridcare.workorder.WorkOrderStatus.REPLIED;
import static org.gridcare.workorder.WorkOrderStatus.RETURNED;
import static org.gridcare.workorder.WorkOrderStatus.REVIEWED;
import static org.gridcare.workorder.WorkOrderStatus.SUSPENDED;
import static org.gridcare.workorder.WorkOrderStatus.VISITED;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;
import static org.gridcare.workorder.WorkOrderType.FAULT_REPAIR;
import static org.gridcare.workorder.WorkOrderType.PRAISE;
import static org.gridcare.workorder.WorkOrderType.SERVICE_APPLICATION;

import org.gridcare.shared.ConflictException;

/**
 * The work order lifecycle as a table of named policies, one per allowed move. Everything not listed is
 * an illegal transition (409). Guards that depend on the order's milestones (restore after arrival, a
 * repair replied after restoration, reopen after a dissatisfied visit, no archive before a needed visit)
 * live in {@link WorkOrder}.
 */
public final class Lifecycle {

    private static final Set<WorkOrderType> ALL = EnumSet.allOf(WorkOrderType.class);
    /** Every type that is worked by a handler; a praise is only recorded. */
    private static final Set<WorkOrderType> WORKED = EnumSet.complementOf(EnumSet.of(PRAISE));
    private static final Set<WorkOrderStatus> OPEN = EnumSet.of(ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED,
            SUSPENDED, REPLIED, REVIEWED);
    private static final Set<WorkOrderStatus> BEFORE_REPLY = EnumSet.of(ACCEPTED, DISPATCHED, IN_PROGRESS,
            RETURNED, SUSPENDED);

    private static final List<TransitionPolicy> POLICIES = List.of(
            policy("dispatcherDispatchesAcceptedOrReturnedOrder", Action.DISPATCH, WORKED,
                    EnumSet.of(ACCEPTED, RETURNED), DISPATCHED, false, "DISPATCHER"),
            policy("assigneeTakesDispatchedOrder", Action.ACCEPT, WORKED, EnumSet.of(DISPATCHED), IN_PROGRESS, true,
                    "FIELD_STAFF"),
            policy("assigneeRecordsArrivalOnSite", Action.ARRIVE, EnumSet.of(FAULT_REPAIR, SERVICE_APPLICATION),
                    EnumSet.of(IN_PROGRESS), null, true, "FIELD_STAFF"),
            policy("assigneeRecordsRestoration", Action.RESTORE, EnumSet.of(FAULT_REPAIR), EnumSet.of(IN_PROGRESS),
                    null, true, "FIELD_STAFF"),
            policy("assigneeRepliesWithResult", Action.REPLY, WORKED, EnumSet.of(IN_PROGRESS), REPLIED, true,
                    "FIELD_STAFF"),
            policy("assigneeReturnsOrderToDispatcher", Action.RETURN, WORKED, EnumSet.of(DISPATCHED, IN_PROGRESS),
                    RETURNED, true, "FIELD_STAFF"),
            policy("dispatcherTransfersToAnotherUnit", Action.TRANSFER, WORKED,
                    EnumSet.of(ACCEPTED, DISPATCHED, RETURNED), ACCEPTED, false, "DISPATCHER"),
            policy("supervisorSuspendsOrderInWork", Action.SUSPEND, WORKED, EnumSet.of(DISPATCHED, IN_PROGRESS),
                    SUSPENDED, false, "SUPERVISOR"),
            policy("supervisorResumesSuspendedOrder", Action.RESUME, WORKED, EnumSet.of(SUSPENDED), null, false,
                    "SUPERVISOR"),
            policy("supervisorReviewsReply", Action.REVIEW, WORKED, EnumSet.of(REPLIED), REVIEWED, false,
                    "SUPERVISOR"),
            // an unreachable attempt short of the last keeps the order REVIEWED; a self-rating acts as CUSTOMER
            policy("returnVisitAfterReview", Action.VISIT, WORKED, EnumSet.of(REVIEWED), VISITED, false,
                    "AGENT", "SUPERVISOR", "CUSTOMER"),
            policy("archiveAfterReturnVisit", Action.CLOSE, WORKED, EnumSet.of(VISITED), CLOSED, false,
                    "AGENT", "SUPERVISOR"),
            // only when the type needs no return visit (work_order_visit_setting); checked by the order
            policy("archiveAfterReviewWhenNoVisitIsNeeded", Action.CLOSE, WORKED, EnumSet.of(REVIEWED), CLOSED,
                    false, "AGENT", "SUPERVISOR"),
            policy("agentClosesConsultationAtFirstContact", Action.CLOSE, EnumSet.of(CONSULTATION),
                    EnumSet.of(ACCEPTED), CLOSED, false, "AGENT"),
            policy("praiseIsRecordedAndArchived", Action.CLOSE, EnumSet.of(PRAISE), EnumSet.of(ACCEPTED), CLOSED,
                    false, "AGENT", "SUPERVISOR"),
            policy("agentCancelsUndispatchedOrder", Action.CANCEL, ALL, EnumSet.of(ACCEPTED), CANCELLED, false,
                    "AGENT"),
            policy("dispatcherOrSupervisorCancelsBeforeReply", Action.CANCEL, ALL, BEFORE_REPLY, CANCELLED, false,
                    "DISPATCHER", "SUPERVISOR"),
            policy("reopenAfterUnsatisfiedVisitOrRepeat", Action.REOPEN, WORKED, EnumSet.of(VISITED, CLOSED),
                    ACCEPTED, false, "AGENT", "SUPERVISOR"),
            policy("urgeOpenOrder", Action.URGE, WORKED, OPEN, null, false, "AGENT", "SUPERVISOR"),
            policy("supervisorSupervisesOpenOrder", Action.SUPERVISE, WORKED, OPEN, null, false, "SUPERVISOR"),
            policy("mergeDuplicateIntoParent", Action.MERGE, ALL, EnumSet.of(ACCEPTED, DISPATCHED, RETURNED), MERGED,
                    false, "AGENT", "DISPATCHER", "SUPERVISOR"));

    private Lifecycle() {
    }

    /** The lifecycle table, as the API lists it. */
    public static List<TransitionPolicy> allCurrentPolicies() {
        return POLICIES;
    }

    /** The policy that allows this move, or a 409 saying why there is none. */
    static TransitionPolicy check(Action action, WorkOrderType type, WorkOrderStatus status, Acting who,
                                  String handler) {
        List<TransitionPolicy> matching = POLICIES.stream().filter(p -> p.matches(action, type, status)).toList();
        if (matching.isEmpty()) {
            throw new ConflictException("error.workOrder.illegalTransition", action.path(), status, type);
        }
        return matching.stream().filter(p -> p.permits(who, handler)).findFirst()
                .orElseThrow(() -> new ConflictException("error.workOrder.notPermitted", action.path(), status));
    }

    /** Whether the move is allowed, without saying why not (for the console's action buttons). */
    static boolean allows(Action action, WorkOrderType type, WorkOrderStatus status, Acting who, String handler) {
        return POLICIES.stream().anyMatch(p -> p.matches(action, type, status) && p.permits(who, handler));
    }

    private static TransitionPolicy policy(String name, Action action, Set<WorkOrderType> types,
                                           Set<WorkOrderStatus> from, WorkOrderStatus to, boolean assigneeOnly,
                                           String... roles) {
        return new TransitionPolicy(name, action, Set.copyOf(types), Set.copyOf(from), to, Set.of(roles),
                assigneeOnly);
    }
}
