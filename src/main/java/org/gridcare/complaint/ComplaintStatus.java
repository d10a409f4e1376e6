package org.gridcare.complaint;

/**
 * 投诉处理状态: OPEN (registered, being investigated) → UNDER_REVIEW (findings submitted, awaiting the reviewer)
 * → DETERMINED (responsibility approved; appeal and rectification happen here) → CLOSED; WITHDRAWN when the order
 * was cancelled or merged. A rejected review sends the case back to OPEN.
 */
public enum ComplaintStatus {
    OPEN, UNDER_REVIEW, DETERMINED, CLOSED, WITHDRAWN;

    public boolean finished() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
