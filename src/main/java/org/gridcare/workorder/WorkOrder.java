package org.gridcare.workorder;

import java.time.Instant;
import java.util.List;

import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.sla.OrderEvent;

/**
 * The work order aggregate. Its state changes only through the intention-revealing methods below; each
 * checks the lifecycle table ({@link Lifecycle}) and the order's own guards, changes the state and returns
 * the {@link Step} to be written to the timeline and reported to the SLA clocks.
 */
class WorkOrder {

    private WorkOrderId id;
    private String number;
    private final WorkOrderType type;
    private final SubType subType;
    private final String categoryCode;
    private final Channel channel;
    private final Priority priority;
    private WorkOrderStatus status;
    private final String customerNumber;
    private final String callerName;
    private final String callerPhone;
    private final String address;
    private String areaType;
    private long unitId;
    private String unitCode;
    private String handler;
    private final String description;
    private Flags flags;
    private Long repeatOfId;
    private Long parentId;
    private WorkOrderStatus suspendedFrom;
    private Instant arrivedAt;
    private Instant restoredAt;
    private String replyText;
    private String result;
    private VisitResult satisfaction;
    private int urgeCount;
    private int reopenCount;
    private String superviseNote;
    private Instant superviseDueAt;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;
    private final String slaState;

    /** Order flags: sensitive (敏感), media attention (媒体), escalation risk (越级倾向), repeat (重复). */
    record Flags(boolean sensitive, boolean media, boolean escalationRisk, boolean repeat) {
    }

    WorkOrder(WorkOrderId id, String number, WorkOrderType type, SubType subType, String categoryCode,
              Channel channel, Priority priority, WorkOrderStatus status, String customerNumber, String callerName,
              String callerPhone, String address, String areaType, long unitId, String unitCode, String handler,
              String description, Flags flags, Long repeatOfId, Long parentId, WorkOrderStatus suspendedFrom,
              Instant arrivedAt, Instant restoredAt, String replyText, String result, VisitResult satisfaction,
              int urgeCount, int reopenCount, String superviseNote, Instant superviseDueAt, String createdBy,
              Instant createdAt, Instant updatedAt, int version, String slaState) {
        this.id = id;
        this.number = number;
        this.type = type;
        this.subType = subType;
        this.categoryCode = categoryCode;
        this.channel = channel;
        this.priority = priority;
        this.status = status;
        this.customerNumber = customerNumber;
        this.callerName = callerName;
        this.callerPhone = callerPhone;
        this.address = address;
        this.areaType = areaType;
        this.unitId = unitId;
        this.unitCode = unitCode;
        this.handler = handler;
        this.description = description;
        this.flags = flags;
        this.repeatOfId = repeatOfId;
        this.parentId = parentId;
        this.suspendedFrom = suspendedFrom;
        this.arrivedAt = arrivedAt;
        this.restoredAt = restoredAt;
        this.replyText = replyText;
        this.result = result;
        this.satisfaction = satisfaction;
        this.urgeCount = urgeCount;
        this.reopenCount = reopenCount;
        this.superviseNote = superviseNote;
        this.superviseDueAt = superviseDueAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.slaState = slaState;
    }

    /** 受理: a new order, accepted at {@code at}; its id is given when it is stored. */
    static WorkOrder accept(String number, NewWorkOrder command, String areaType, long unitId, String unitCode,
                            Flags flags, Long repeatOfId, String by, Instant at) {
        return new WorkOrder(null, number, command.type(), command.subType(), command.category(), command.channel(),
                command.priority() == null ? Priority.NORMAL : command.priority(), WorkOrderStatus.ACCEPTED,
                blankToNull(command.customerNumber()), command.callerName().trim(), command.callerPhone().trim(),
                command.address() == null ? null : command.address().trim(), areaType, unitId, unitCode, null,
                command.description().trim(), flags, repeatOfId, null, null, null, null, null, null, null, 0, 0,
                null, null, by, at, at, 0, "NONE");
    }

    Step dispatch(String toHandler, Acting who, Instant at) {
        var from = check(Action.DISPATCH, who);
        required("handler", toHandler);
        handler = toHandler;
        return move(Action.DISPATCH, from, WorkOrderStatus.DISPATCHED, toHandler, at, OrderEvent.DISPATCHED);
    }

    /** 接单: the handler takes the order, which counts as the first response. */
    Step take(Acting who, Instant at) {
        var from = check(Action.ACCEPT, who);
        return move(Action.ACCEPT, from, WorkOrderStatus.IN_PROGRESS, null, at, OrderEvent.TAKEN);
    }

    Step arriveOnSite(String note, Acting who, Instant at) {
        var from = check(Action.ARRIVE, who);
        if (arrivedAt != null) {
            throw new ConflictException("error.workOrder.alreadyArrived", number);
        }
        arrivedAt = at;
        return move(Action.ARRIVE, from, from, note, at, OrderEvent.ARRIVED);
    }

    Step restorePower(String note, Acting who, Instant at) {
        var from = check(Action.RESTORE, who);
        if (arrivedAt == null) {
            throw new ConflictException("error.workOrder.restoreBeforeArrival", number);
        }
        if (restoredAt != null) {
            throw new ConflictException("error.workOrder.alreadyRestored", number);
        }
        restoredAt = at;
        return move(Action.RESTORE, from, from, note, at, OrderEvent.RESTORED);
    }

    Step reply(String text, String outcome, Acting who, Instant at) {
        var from = check(Action.REPLY, who);
        if (type == WorkOrderType.FAULT_REPAIR && restoredAt == null) {
            throw new ConflictException("error.workOrder.replyBeforeRestoration", number);
        }
        required("replyText", text);
        replyText = text.trim();
        result = blankToNull(outcome);
        return move(Action.REPLY, from, WorkOrderStatus.REPLIED, replyText, at, OrderEvent.REPLIED);
    }

    /** 审核: approved goes on to the return visit, otherwise back to the handler. */
    Step review(Boolean approved, String note, Acting who, Instant at) {
        var from = check(Action.REVIEW, who);
        if (approved == null) {
            throw InvalidInputException.of("approved", "validation.workOrder.required");
        }
        if (approved) {
            return move(Action.REVIEW, from, WorkOrderStatus.REVIEWED, note, at, OrderEvent.REVIEWED);
        }
        required("note", note);
        return move(Action.REVIEW, from, WorkOrderStatus.IN_PROGRESS, note, at, OrderEvent.SENT_BACK);
    }

    /**
     * 回访: one attempt. An unreachable attempt that is not the last allowed one keeps the order waiting for
     * its visit; any other result ends the visit (VISITED), with the result as the order's verdict.
     */
    Step recordVisit(VisitResult visit, boolean lastAttempt, String note, Acting who, Instant at) {
        var from = check(Action.VISIT, who);
        if (visit == null) {
            throw InvalidInputException.of("result", "validation.workOrder.required");
        }
        if (visit == VisitResult.UNREACHABLE && !lastAttempt) {
            return move(Action.VISIT, from, from, join(visit.name(), note), at);
        }
        satisfaction = visit;
        return move(Action.VISIT, from, WorkOrderStatus.VISITED, join(visit.name(), note), at, OrderEvent.VISITED);
    }

    /**
     * 不满意重办: a dissatisfied visit sends the order back to the handler who worked it (or to the dispatcher
     * when it had none). Not a user's action: the consequence of the visit just recorded.
     */
    Step reopenAfterDissatisfiedVisit(String note, Instant at) {
        if (status != WorkOrderStatus.VISITED || satisfaction != VisitResult.DISSATISFIED) {
            throw new ConflictException("error.workOrder.reopenNeedsUnsatisfiedVisit", number);
        }
        var from = status;
        reopenCount++;
        satisfaction = null;
        arrivedAt = null;
        restoredAt = null;
        var to = handler == null ? WorkOrderStatus.ACCEPTED : WorkOrderStatus.DISPATCHED;
        return move(Action.REOPEN, from, to, note, at, OrderEvent.REOPENED);
    }

    /** 归档; for a consultation answered at first contact (一次办结) the reply is given here too. */
    Step close(String text, boolean visitPending, Acting who, Instant at) {
        var from = check(Action.CLOSE, who);
        if (from == WorkOrderStatus.REVIEWED && visitPending) {
            throw new ConflictException("error.workOrder.closeBeforeVisit", number);
        }
        if (from == WorkOrderStatus.ACCEPTED && type == WorkOrderType.CONSULTATION) {
            required("replyText", text);
            replyText = text.trim();
            return move(Action.CLOSE, from, WorkOrderStatus.CLOSED, replyText, at, OrderEvent.REPLIED,
                    OrderEvent.CLOSED);
        }
        return move(Action.CLOSE, from, WorkOrderStatus.CLOSED, blankToNull(text), at, OrderEvent.CLOSED);
    }

    /** 退单: the handler gives the order back to the dispatcher. */
    Step giveBack(String reason, Acting who, Instant at) {
        var from = check(Action.RETURN, who);
        required("reason", reason);
        handler = null;
        return move(Action.RETURN, from, WorkOrderStatus.RETURNED, reason, at, OrderEvent.RETURNED);
    }

    Step transfer(long toUnitId, String toUnitCode, String toAreaType, String reason, Acting who, Instant at) {
        var from = check(Action.TRANSFER, who);
        required("reason", reason);
        if (toUnitId == unitId) {
            throw InvalidInputException.of("unitCode", "validation.workOrder.sameUnit", toUnitCode);
        }
        String note = unitCode + " → " + toUnitCode + ": " + reason.trim();
        unitId = toUnitId;
        unitCode = toUnitCode;
        areaType = toAreaType;
        handler = null;
        return move(Action.TRANSFER, from, WorkOrderStatus.ACCEPTED, note, at, OrderEvent.TRANSFERRED);
    }

    Step suspend(String reason, Acting who, Instant at) {
        var from = check(Action.SUSPEND, who);
        required("reason", reason);
        suspendedFrom = from;
        return move(Action.SUSPEND, from, WorkOrderStatus.SUSPENDED, reason, at, OrderEvent.SUSPENDED);
    }

    Step resume(String reason, Acting who, Instant at) {
        var from = check(Action.RESUME, who);
        required("reason", reason);
        WorkOrderStatus back = suspendedFrom == null ? WorkOrderStatus.IN_PROGRESS : suspendedFrom;
        suspendedFrom = null;
        return move(Action.RESUME, from, back, reason, at, OrderEvent.RESUMED);
    }

    Step cancel(String reason, Acting who, Instant at) {
        var from = check(Action.CANCEL, who);
        required("reason", reason);
        return move(Action.CANCEL, from, WorkOrderStatus.CANCELLED, reason, at, OrderEvent.CANCELLED);
    }

    /** 重办: after a dissatisfied return visit, or when the customer calls again about an archived order. */
    Step reopen(String note, Acting who, Instant at) {
        var from = check(Action.REOPEN, who);
        if (from == WorkOrderStatus.VISITED && satisfaction != VisitResult.DISSATISFIED) {
            throw new ConflictException("error.workOrder.reopenNeedsUnsatisfiedVisit", number);
        }
        reopenCount++;
        handler = null;
        satisfaction = null;
        arrivedAt = null;
        restoredAt = null;
        return move(Action.REOPEN, from, WorkOrderStatus.ACCEPTED, note, at, OrderEvent.REOPENED);
    }

    /** 催办: counted; the handler is notified. */
    Step urge(String note, Acting who, Instant at) {
        var from = check(Action.URGE, who);
        urgeCount++;
        return move(Action.URGE, from, from, note, at);
    }

    /** 督办: a supervisor's note and the time by which it must be done. */
    Step supervise(String note, Instant dueAt, Acting who, Instant at) {
        var from = check(Action.SUPERVISE, who);
        required("note", note);
        if (dueAt == null) {
            throw InvalidInputException.of("dueAt", "validation.workOrder.required");
        }
        if (!dueAt.isAfter(at)) {
            throw InvalidInputException.of("dueAt", "validation.workOrder.dueInPast");
        }
        superviseNote = note.trim();
        superviseDueAt = dueAt;
        return move(Action.SUPERVISE, from, from, superviseNote, at);
    }

    Step mergeInto(WorkOrder parent, Acting who, Instant at) {
        var from = check(Action.MERGE, who);
        if (parent.id.equals(id) || parent.parentId != null) {
            throw InvalidInputException.of("parentNumber", "validation.workOrder.badMergeParent", parent.number);
        }
        if (!parent.status.isOpen()) {
            throw new ConflictException("error.workOrder.mergeIntoFinished", parent.number);
        }
        parentId = parent.id.value();
        handler = null;
        return move(Action.MERGE, from, WorkOrderStatus.MERGED, parent.number, at, OrderEvent.MERGED);
    }

    /** Whether {@code who} may take {@code action} now (for showing only the possible actions). */
    boolean allows(Action action, Acting who) {
        return Lifecycle.allows(action, type, status, who, handler);
    }

    private WorkOrderStatus check(Action action, Acting who) {
        Lifecycle.check(action, type, status, who, handler);
        return status;
    }

    private Step move(Action action, WorkOrderStatus from, WorkOrderStatus to, String note, Instant at,
                      OrderEvent... events) {
        status = to;
        updatedAt = at;
        return new Step(action, from, to, blankToNull(note), List.of(events));
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "validation.workOrder.required");
        }
    }

    private static String join(String a, String b) {
        return b == null || b.isBlank() ? a : a + ": " + b.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    void assignId(WorkOrderId value) {
        this.id = value;
    }

    /** The repeat check runs with the insert: the order repeats {@code earlierId} (null: it repeats none). */
    void assignRepeatOf(Long earlierId) {
        this.repeatOfId = earlierId;
        this.flags = new Flags(flags.sensitive(), flags.media(), flags.escalationRisk(), earlierId != null);
    }

    /** The number comes with the insert (again, if a rolled-back group of intakes is written once more). */
    void assignNumber(String value) {
        this.number = value;
    }

    WorkOrderId id() { return id; }
    String number() { return number; }
    WorkOrderType type() { return type; }
    SubType subType() { return subType; }
    String categoryCode() { return categoryCode; }
    Channel channel() { return channel; }
    Priority priority() { return priority; }
    WorkOrderStatus status() { return status; }
    String customerNumber() { return customerNumber; }
    String callerName() { return callerName; }
    String callerPhone() { return callerPhone; }
    String address() { return address; }
    String areaType() { return areaType; }
    long unitId() { return unitId; }
    String unitCode() { return unitCode; }
    String handler() { return handler; }
    String description() { return description; }
    Flags flags() { return flags; }
    Long repeatOfId() { return repeatOfId; }
    Long parentId() { return parentId; }
    WorkOrderStatus suspendedFrom() { return suspendedFrom; }
    Instant arrivedAt() { return arrivedAt; }
    Instant restoredAt() { return restoredAt; }
    String replyText() { return replyText; }
    String result() { return result; }
    /** The verdict of the last finished return visit (null while none finished). */
    VisitResult satisfaction() { return satisfaction; }
    int urgeCount() { return urgeCount; }
    int reopenCount() { return reopenCount; }
    String superviseNote() { return superviseNote; }
    Instant superviseDueAt() { return superviseDueAt; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    int version() { return version; }
    /** NONE, WARNING or BREACHED, as the SLA scheduler last reported. */
    String slaState() { return slaState; }
}
