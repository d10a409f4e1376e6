package org.gridcare.workorder;

import java.time.Instant;

/**
 * The return-visit rule of one order type (回访设置): whether a visit is needed before the order is archived
 * ({@code mandatory}: always, for repairs and complaints — the setting cannot turn it off), how many
 * unreachable attempts are made before the visit is closed as unreachable, and what a dissatisfied verdict does.
 */
public record ReturnVisitSetting(WorkOrderType type, boolean visitNeeded, boolean mandatory, int maxAttempts,
                                 DissatisfiedAction dissatisfiedAction, String updatedBy, Instant updatedAt,
                                 int version) {

    /** A change an administrator makes; {@code version} is the one they saw. */
    public record Change(Boolean visitNeeded, Integer maxAttempts, DissatisfiedAction dissatisfiedAction,
                         Integer version) {
    }
}
