package org.gridcare.sla;

/**
 * The work order events that start and stop clocks, as SLA policy rows name them. The work order
 * module reports each one, with the order's new status, through {@link SlaClocks#record}.
 */
public enum OrderEvent {
    /** 受理: the order was created. */
    ACCEPTED,
    /** 派单 */
    DISPATCHED,
    /** 接单: the handler took the order (counts as the first response to the customer). */
    TAKEN,
    /** 到达现场 (repairs) */
    ARRIVED,
    /** 恢复送电 (repairs) */
    RESTORED,
    /** 回单: reply with the handling result */
    REPLIED,
    /** 审核通过 */
    REVIEWED,
    /** 审核退回 */
    SENT_BACK,
    /** 回访完成 */
    VISITED,
    /** 归档 */
    CLOSED,
    /** 退单 */
    RETURNED,
    /** 转派 */
    TRANSFERRED,
    /** 挂起 */
    SUSPENDED,
    /** 恢复 */
    RESUMED,
    /** 撤销 */
    CANCELLED,
    /** 重办 */
    REOPENED,
    /** 合并到主单 */
    MERGED
}
