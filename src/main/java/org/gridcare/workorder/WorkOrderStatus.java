package org.gridcare.workorder;

import java.util.EnumSet;
import java.util.Set;

/** Where an order stands in its lifecycle. */
public enum WorkOrderStatus {
    /** 受理 */ ACCEPTED,
    /** 派单 */ DISPATCHED,
    /** 处理中 (接单) */ IN_PROGRESS,
    /** 退单: back with the dispatcher */ RETURNED,
    /** 挂起 */ SUSPENDED,
    /** 回单 */ REPLIED,
    /** 审核通过 */ REVIEWED,
    /** 回访完成 */ VISITED,
    /** 归档 */ CLOSED,
    /** 撤销 */ CANCELLED,
    /** 合并到主单 */ MERGED;

    static final Set<WorkOrderStatus> FINISHED = EnumSet.of(CLOSED, CANCELLED, MERGED);

    public boolean isOpen() {
        return !FINISHED.contains(this);
    }
}
