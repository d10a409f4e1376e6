package org.gridcare.workorder;

/**
 * The outcome of one return-visit attempt (回访结果). SATISFIED, BASICALLY_SATISFIED and DISSATISFIED are
 * successful visits (the customer answered); UNREACHABLE is retried up to a configured number of attempts;
 * REFUSED ends the visit without a verdict.
 */
public enum VisitResult {
    /** 满意 */ SATISFIED,
    /** 基本满意 */ BASICALLY_SATISFIED,
    /** 不满意 */ DISSATISFIED,
    /** 未接通 */ UNREACHABLE,
    /** 拒绝回访 */ REFUSED;

    /** Whether the customer answered and gave a verdict (counts as a successful visit). */
    public boolean successful() {
        return this == SATISFIED || this == BASICALLY_SATISFIED || this == DISSATISFIED;
    }
}
