package org.gridcare.feedback;

/** Handling status (处理状态): 新建 → 处理中 → 已答复 → 已关闭. */
public enum FeedbackStatus {
    NEW, IN_HANDLING, RESPONDED, CLOSED;

    /** Waiting for a response: the response clock runs. */
    public boolean awaitsResponse() {
        return this == NEW || this == IN_HANDLING;
    }
}
