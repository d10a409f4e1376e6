package org.gridcare.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A say of another module on whether a person may be given an order (dispatch to a handler). The work order module
 * asks every bean of this type before it assigns; a refusal becomes a 400 problem naming the {@code handler} field
 * with the guard's message. This lets, say, the staff module block the holder of an expired mandatory certificate
 * without the work order module depending on it.
 */
public interface AssignmentGuard {

    /** Why {@code assignment} must not happen, or empty when this guard has no objection. */
    Optional<Refusal> refusal(Assignment assignment);

    /** The person (username) who would get an order of this type and category at this moment. */
    record Assignment(String assigneeUsername, WorkOrderType type, String categoryCode, Instant at) {
    }

    /** A message code of the guard's bundle and its arguments. */
    record Refusal(String messageCode, List<Object> arguments) {

        public Refusal {
            arguments = List.copyOf(arguments);
        }
    }
}
