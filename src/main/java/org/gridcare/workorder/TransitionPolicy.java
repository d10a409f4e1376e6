package org.gridcare.workorder;

import java.util.Set;

/**
 * One row of the lifecycle table: {@code action} may be taken on orders of {@code types} standing in one of
 * {@code from} by users holding one of {@code roles} (administrators and managers always may); when
 * {@code assigneeOnly}, a field worker must also be the order's current handler. {@code to} is the usual
 * outcome ({@code null}: the status does not change, e.g. a recorded milestone or an urge).
 */
public record TransitionPolicy(String name, Action action, Set<WorkOrderType> types, Set<WorkOrderStatus> from,
                               WorkOrderStatus to, Set<String> roles, boolean assigneeOnly) {

    boolean matches(Action action, WorkOrderType type, WorkOrderStatus status) {
        return this.action == action && types.contains(type) && from.contains(status);
    }

    boolean permits(Acting who, String handler) {
        if (who.isPrivileged()) {
            return true;
        }
        return roles.stream().anyMatch(role -> who.has(role)
                && (!assigneeOnly || !role.equals("FIELD_STAFF") || who.username().equals(handler)));
    }
}
