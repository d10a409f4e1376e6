package org.gridcare.workorder;

/** What a dissatisfied return visit does to the order, per type (不满意处理方式). */
public enum DissatisfiedAction {
    /** 重办: back to the handler who worked it. */
    REOPEN,
    /** 升级: the unit's supervisors are told and decide (reopen or archive). */
    ESCALATE
}
