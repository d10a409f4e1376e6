package org.gridcare.workorder;

/** What the customer was not satisfied with in a return visit (不满意方面). */
public enum VisitAspect {
    /** 服务质量 */ QUALITY,
    /** 办理效率 */ EFFICIENCY,
    /** 服务态度 */ ATTITUDE
}
