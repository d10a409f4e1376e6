package org.gridcare.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridcare.workorder.ReturnVisitRecorded.VisitSource;

/**
 * An order that already happened, for {@link HistoricOrders#load}: the intake as the agent recorded it and every
 * later step with who took it and when — return-visit attempts included, as VISIT steps. The loader replays the
 * steps through the order aggregate with the live rules (the lifecycle, the types' return-visit settings: the
 * last allowed unreachable attempt ends the visit, a dissatisfied verdict reopens or escalates), so a history
 * must follow them; the statuses before and after each step, the SLA events, the visit rows and the order's
 * final state come from that replay, not from the caller.
 *
 * @param unitId   the unit the order belongs to (the customer's supply station), with its code and area type
 * @param repeat   whether the intake flagged it as a repeat call (重复来电)
 */
public record HistoricOrder(WorkOrderType type, SubType subType, String category, Channel channel, Priority priority,
                            String customerNumber, String callerName, String callerPhone, String address,
                            long unitId, String unitCode, String areaType, String description, boolean sensitive,
                            boolean media, boolean escalationRisk, boolean repeat, String createdBy,
                            Instant createdAt, List<Step> steps) {

    public HistoricOrder {
        steps = List.copyOf(steps);
    }

    /** The moment of the last step (or of the intake): the order's {@code updatedAt}. */
    public Instant lastChangedAt() {
        return steps.isEmpty() ? createdAt : steps.get(steps.size() - 1).at();
    }

    /**
     * One action on the order, with the inputs that action takes (null when it takes none): the handler for
     * DISPATCH, the reply text and result for REPLY (and for CLOSE at first contact), {@code approved} for
     * REVIEW, the attempt for VISIT (its comment is the note, its visitor the actor), the reason or note for
     * the others.
     */
    public record Step(Action action, String actor, Instant at, String note, String handler, String replyText,
                       String result, Boolean approved, Visit visit) {

        public static Step of(Action action, String actor, Instant at, String note) {
            return new Step(action, actor, at, note, null, null, null, null, null);
        }

        public static Step dispatch(String handler, String actor, Instant at) {
            return new Step(Action.DISPATCH, actor, at, null, handler, null, null, null, null);
        }

        public static Step reply(String replyText, String result, String actor, Instant at) {
            return new Step(Action.REPLY, actor, at, null, null, replyText, result, null, null);
        }

        public static Step review(boolean approved, String note, String actor, Instant at) {
            return new Step(Action.REVIEW, actor, at, note, null, null, null, approved, null);
        }

        /** A return-visit attempt by {@code visitor} (an agent, or {@code customer} for a self-rating). */
        public static Step visit(Visit visit, String comment, String visitor, Instant at) {
            return new Step(Action.VISIT, visitor, at, comment, null, null, null, null, visit);
        }

        public static Step close(String replyText, String actor, Instant at) {
            return new Step(Action.CLOSE, actor, at, null, null, replyText, null, null, null);
        }
    }

    /** What a return-visit attempt found; {@code score} is the 1–5 self-rating (else null). */
    public record Visit(VisitResult result, Set<VisitAspect> aspects, Integer score, VisitSource source) {

        public Visit {
            aspects = aspects == null ? Set.of() : Set.copyOf(aspects);
        }
    }
}
