package org.gridcare.training;

/** What a course teaches (培训内容). */
public enum CourseTopic {
    /** 电力知识 */ POWER_KNOWLEDGE,
    /** 服务规范 */ SERVICE_NORMS,
    /** 沟通技巧 */ COMMUNICATION,
    /** 应急处置 */ EMERGENCY_HANDLING,
    /** 服务标准 */ STANDARDS,
    /** 安全 */ SAFETY
}
