package org.gridcare.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.sla.OrderEvent;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcare.workorder.WorkOrderStatus.*;
import static org.gridcare.workorder.WorkOrderType.*;

/**
 * The lifecycle, table-driven: for every type, status, action and role (as the assigned handler and as
 * someone else) the move is allowed exactly when the expectation below says so; otherwise it is a 409.
 */
class LifecycleTests {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Set<WorkOrderType> ALL = EnumSet.allOf(WorkOrderType.class);
    private static final Set<WorkOrderType> WORKED = EnumSet.complementOf(EnumSet.of(PRAISE));
    private static final Set<WorkOrderStatus> OPEN = EnumSet.of(ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED,
            SUSPENDED, REPLIED, REVIEWED);

    /** One expected row: on these types, from these states, these roles may (FIELD_STAFF: only the assignee). */
    record Allowed(Action action, Set<WorkOrderType> types, Set<WorkOrderStatus> from, Set<String> roles,
                   boolean assigneeOnly) {
    }

    private static final List<Allowed> EXPECTED = List.of(
            new Allowed(Action.DISPATCH, WORKED, EnumSet.of(ACCEPTED, RETURNED), Set.of("DISPATCHER"), false),
            new Allowed(Action.ACCEPT, WORKED, EnumSet.of(DISPATCHED), Set.of("FIELD_STAFF"), true),
            new Allowed(Action.ARRIVE, EnumSet.of(FAULT_REPAIR, SERVICE_APPLICATION), EnumSet.of(IN_PROGRESS),
                    Set.of("FIELD_STAFF"), true),
            new Allowed(Action.RESTORE, EnumSet.of(FAULT_REPAIR), EnumSet.of(IN_PROGRESS), Set.of("FIELD_STAFF"), true),
            new Allowed(Action.REPLY, WORKED, EnumSet.of(IN_PROGRESS), Set.of("FIELD_STAFF"), true),
            new Allowed(Action.RETURN, WORKED, EnumSet.of(DISPATCHED, IN_PROGRESS), Set.of("FIELD_STAFF"), true),
            new Allowed(Action.TRANSFER, WORKED, EnumSet.of(ACCEPTED, DISPATCHED, RETURNED), Set.of("DISPATCHER"),
                    false),
            new Allowed(Action.SUSPEND, WORKED, EnumSet.of(DISPATCHED, IN_PROGRESS), Set.of("SUPERVISOR"), false),
            new Allowed(Action.RESUME, WORKED, EnumSet.of(SUSPENDED), Set.of("SUPERVISOR"), false),
            new Allowed(Action.REVIEW, WORKED, EnumSet.of(REPLIED), Set.of("SUPERVISOR"), false),
            new Allowed(Action.VISIT, WORKED, EnumSet.of(REVIEWED), Set.of("AGENT", "SUPERVISOR"), false),
            new Allowed(Action.CLOSE, WORKED, EnumSet.of(VISITED), Set.of("AGENT", "SUPERVISOR"), false),
            // from REVIEWED only when the type needs no visit: the order checks that (see below)
            new Allowed(Action.CLOSE, WORKED, EnumSet.of(REVIEWED), Set.of("AGENT", "SUPERVISOR"), false),
            new Allowed(Action.CLOSE, EnumSet.of(CONSULTATION), EnumSet.of(ACCEPTED), Set.of("AGENT"), false),
            new Allowed(Action.CLOSE, EnumSet.of(PRAISE), EnumSet.of(ACCEPTED), Set.of("AGENT", "SUPERVISOR"), false),
            new Allowed(Action.CANCEL, ALL, EnumSet.of(ACCEPTED), Set.of("AGENT"), false),
            new Allowed(Action.CANCEL, ALL, EnumSet.of(ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED),
                    Set.of("DISPATCHER", "SUPERVISOR"), false),
            new Allowed(Action.REOPEN, WORKED, EnumSet.of(VISITED, CLOSED), Set.of("AGENT", "SUPERVISOR"),
                    false),
            new Allowed(Action.URGE, WORKED, OPEN, Set.of("AGENT", "SUPERVISOR"), false),
            new Allowed(Action.SUPERVISE, WORKED, OPEN, Set.of("SUPERVISOR"), false),
            new Allowed(Action.MERGE, ALL, EnumSet.of(ACCEPTED, DISPATCHED, RETURNED),
                    Set.of("AGENT", "DISPATCHER", "SUPERVISOR"), false));

    private static final List<String> ROLES = List.of("ADMIN", "MANAGER", "SUPERVISOR", "AGENT", "DISPATCHER",
            "FIELD_STAFF", "INSPECTOR", "TRAINER");

    @Test
    void everyTypeStatusActionAndRoleIsAllowedExactlyAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        int allowed = 0;
        int forbidden = 0;
        for (WorkOrderType type : WorkOrderType.values()) {
            for (WorkOrderStatus status : WorkOrderStatus.values()) {
                for (Action action : Action.values()) {
                    for (String role : ROLES) {
                        for (boolean assignee : new boolean[] {true, false}) {
                            boolean expected = expected(type, status, action, role, assignee);
                            Acting who = new Acting(assignee ? "crew" : "someone", 1, Set.of(role));
                            WorkOrder order = orderReadyFor(action, type, status);
                            boolean actual;
                            try {
                                perform(order, action, who);
                                actual = true;
                            } catch (ConflictException e) {
                                actual = false;
                            }
                            if (actual != expected) {
                                mismatches.add("%s %s %s by %s%s: expected %s".formatted(type, status, action, role,
                                        assignee ? " (assignee)" : "", expected ? "allowed" : "409"));
                            }
                            if (expected) {
                                allowed++;
                            } else {
                                forbidden++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(allowed).isPositive();
        assertThat(forbidden).isPositive();
    }

    @Test
    void theTableIsListableAndEveryPolicyHasAName() {
        assertThat(Lifecycle.allCurrentPolicies()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.name()).isNotBlank());
        assertThat(Lifecycle.allCurrentPolicies().stream().map(TransitionPolicy::name).distinct())
                .hasSameSizeAs(Lifecycle.allCurrentPolicies());
    }

    @Test
    void aRepairGoesThroughArrivalAndRestorationBeforeTheReply() {
        Acting crew = new Acting("crew", 1, Set.of("FIELD_STAFF"));
        WorkOrder order = order(FAULT_REPAIR, ACCEPTED, null);
        order.dispatch("crew", new Acting("d", 1, Set.of("DISPATCHER")), AT);
        order.take(crew, AT);
        assertThatThrownBy(() -> order.restorePower(null, crew, AT)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order.reply("done", null, crew, AT)).isInstanceOf(ConflictException.class);
        order.arriveOnSite(null, crew, AT);
        assertThatThrownBy(() -> order.arriveOnSite(null, crew, AT)).isInstanceOf(ConflictException.class);
        Step restored = order.restorePower("fuse replaced", crew, AT.plusSeconds(600));
        assertThat(restored.slaEvents()).containsExactly(OrderEvent.RESTORED);
        Step replied = order.reply("恢复供电", "RESOLVED", crew, AT.plusSeconds(700));
        assertThat(replied.to()).isEqualTo(REPLIED);
        assertThat(order.restoredAt()).isEqualTo(AT.plusSeconds(600));
    }

    @Test
    void aConsultationAnsweredAtFirstContactIsRepliedAndClosedAtOnce() {
        WorkOrder order = order(CONSULTATION, ACCEPTED, null);
        Acting agent = new Acting("agent", 1, Set.of("AGENT"));
        assertThatThrownBy(() -> order.close(" ", false, agent, AT)).isInstanceOf(InvalidInputException.class);
        Step step = order.close("电价为 0.538 元/千瓦时", false, agent, AT);
        assertThat(step.to()).isEqualTo(CLOSED);
        assertThat(step.slaEvents()).containsExactly(OrderEvent.REPLIED, OrderEvent.CLOSED);
    }

    @Test
    void aSentBackReplyReturnsToTheHandlerAndNeedsANote() {
        Acting supervisor = new Acting("sup", 1, Set.of("SUPERVISOR"));
        WorkOrder order = order(COMPLAINT, REPLIED, "crew");
        assertThatThrownBy(() -> order.review(false, null, supervisor, AT)).isInstanceOf(InvalidInputException.class);
        Step step = order.review(false, "联系客户核实", supervisor, AT);
        assertThat(step.to()).isEqualTo(IN_PROGRESS);
        assertThat(step.slaEvents()).containsExactly(OrderEvent.SENT_BACK);
    }

    @Test
    void aResumedOrderGoesBackToWhereItWasSuspended() {
        Acting supervisor = new Acting("sup", 1, Set.of("SUPERVISOR"));
        WorkOrder order = order(COMPLAINT, DISPATCHED, "crew");
        assertThatThrownBy(() -> order.suspend("", supervisor, AT)).isInstanceOf(InvalidInputException.class);
        order.suspend("客户出差", supervisor, AT);
        assertThat(order.status()).isEqualTo(SUSPENDED);
        assertThat(order.resume("客户已返回", supervisor, AT).to()).isEqualTo(DISPATCHED);
    }

    @Test
    void onlyAnUnsatisfiedVisitReopensAVisitedOrder() {
        Acting agent = new Acting("agent", 1, Set.of("AGENT"));
        WorkOrder satisfied = order(COMPLAINT, REVIEWED, "crew");
        satisfied.recordVisit(VisitResult.SATISFIED, true, null, agent, AT);
        assertThatThrownBy(() -> satisfied.reopen("again", agent, AT)).isInstanceOf(ConflictException.class);
        WorkOrder unsatisfied = order(COMPLAINT, REVIEWED, "crew");
        unsatisfied.recordVisit(VisitResult.DISSATISFIED, true, "still no power", agent, AT);
        Step step = unsatisfied.reopen("客户不满意", agent, AT);
        assertThat(step.to()).isEqualTo(ACCEPTED);
        assertThat(unsatisfied.reopenCount()).isEqualTo(1);
        assertThat(unsatisfied.handler()).isNull();
    }

    @Test
    void anUnreachableAttemptShortOfTheLastKeepsTheOrderWaitingAndItCannotBeArchived() {
        Acting agent = new Acting("agent", 1, Set.of("AGENT"));
        WorkOrder order = order(FAULT_REPAIR, REVIEWED, "crew");
        Step first = order.recordVisit(VisitResult.UNREACHABLE, false, null, agent, AT);
        assertThat(first.to()).isEqualTo(REVIEWED);
        assertThat(first.slaEvents()).isEmpty();
        assertThatThrownBy(() -> order.close(null, true, agent, AT)).isInstanceOf(ConflictException.class);
        Step last = order.recordVisit(VisitResult.UNREACHABLE, true, null, agent, AT);
        assertThat(last.to()).isEqualTo(VISITED);
        assertThat(last.slaEvents()).containsExactly(OrderEvent.VISITED);
        assertThat(order.satisfaction()).isEqualTo(VisitResult.UNREACHABLE);
        assertThat(order.close(null, false, agent, AT).to()).isEqualTo(CLOSED);
    }

    @Test
    void aDissatisfiedVisitGoesBackToTheHandlerWhoWorkedTheOrder() {
        Acting agent = new Acting("agent", 1, Set.of("AGENT"));
        WorkOrder order = order(FAULT_REPAIR, REVIEWED, "crew");
        order.recordVisit(VisitResult.DISSATISFIED, true, "仍然停电", agent, AT);
        Step reopened = order.reopenAfterDissatisfiedVisit("仍然停电", AT);
        assertThat(reopened.to()).isEqualTo(DISPATCHED);
        assertThat(reopened.slaEvents()).containsExactly(OrderEvent.REOPENED);
        assertThat(order.handler()).isEqualTo("crew");
        assertThat(order.satisfaction()).isNull();
        assertThat(order.reopenCount()).isEqualTo(1);
    }

    @Test
    void urgingCountsAndKeepsTheStatus() {
        Acting agent = new Acting("agent", 1, Set.of("AGENT"));
        WorkOrder order = order(FAULT_REPAIR, IN_PROGRESS, "crew");
        order.urge("客户再次来电", agent, AT);
        order.urge(null, agent, AT);
        assertThat(order.urgeCount()).isEqualTo(2);
        assertThat(order.status()).isEqualTo(IN_PROGRESS);
    }

    private static boolean expected(WorkOrderType type, WorkOrderStatus status, Action action, String role,
                                    boolean assignee) {
        for (Allowed row : EXPECTED) {
            if (row.action() != action || !row.types().contains(type) || !row.from().contains(status)) {
                continue;
            }
            if (role.equals("ADMIN") || role.equals("MANAGER")) {
                return true;
            }
            if (row.roles().contains(role) && (!row.assigneeOnly() || !role.equals("FIELD_STAFF") || assignee)) {
                return true;
            }
        }
        return false;
    }

    /** Performs the action with valid input, so that only the lifecycle decides. */
    private static void perform(WorkOrder order, Action action, Acting who) {
        switch (action) {
            case DISPATCH -> order.dispatch("crew", who, AT);
            case ACCEPT -> order.take(who, AT);
            case ARRIVE -> order.arriveOnSite(null, who, AT);
            case RESTORE -> order.restorePower(null, who, AT);
            case REPLY -> order.reply("已处理", "RESOLVED", who, AT);
            case REVIEW -> order.review(true, null, who, AT);
            case VISIT -> order.recordVisit(VisitResult.SATISFIED, true, null, who, AT);
            case CLOSE -> order.close("已答复", false, who, AT);
            case RETURN -> order.giveBack("不属本班组", who, AT);
            case TRANSFER -> order.transfer(2, "U2", "RURAL", "属地调整", who, AT);
            case SUSPEND -> order.suspend("客户要求", who, AT);
            case RESUME -> order.resume("继续处理", who, AT);
            case CANCEL -> order.cancel("客户撤诉", who, AT);
            case REOPEN -> order.reopen("重办", who, AT);
            case URGE -> order.urge(null, who, AT);
            case SUPERVISE -> order.supervise("尽快处理", AT.plusSeconds(3600), who, AT);
            case MERGE -> order.mergeInto(order(COMPLAINT, ACCEPTED, null, 99), who, AT);
        }
    }

    /** An order whose milestones satisfy the action's own guards (restore after arrival, reply after restoration). */
    private static WorkOrder orderReadyFor(Action action, WorkOrderType type, WorkOrderStatus status) {
        Instant arrived = action == Action.RESTORE || action == Action.REPLY ? AT : null;
        Instant restored = action == Action.REPLY ? AT : null;
        return order(type, status, "crew", 1, arrived, restored);
    }

    static WorkOrder order(WorkOrderType type, WorkOrderStatus status, String handler) {
        return order(type, status, handler, 1, null, null);
    }

    static WorkOrder order(WorkOrderType type, WorkOrderStatus status, String handler, long id) {
        return order(type, status, handler, id, null, null);
    }

    static WorkOrder order(WorkOrderType type, WorkOrderStatus status, String handler, long id, Instant arrived,
                           Instant restored) {
        Map<WorkOrderType, SubType> sub = Map.ofEntries(entry(SERVICE_APPLICATION, SubType.OTHER));
        return new WorkOrder(new WorkOrderId(id), "GD20260302" + String.format("%06d", id), type, sub.get(type),
                "TEST", Channel.HOTLINE_95598, Priority.NORMAL, status, "3300000001", "张三", "13812345678",
                "杭州市西湖区", "URBAN", 1, "U1", handler, "停电", new WorkOrder.Flags(false, false, false, false),
                null, null, status == SUSPENDED ? IN_PROGRESS : null, arrived, restored, null, null,
                status == VISITED || status == CLOSED ? VisitResult.DISSATISFIED : null, 0, 0, null, null, "agent",
                AT, AT, 0, "NONE");
    }
}
