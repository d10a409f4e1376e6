package org.gridcare.training;

/** How a course is delivered (培训方式). ONLINE courses complete without recorded attendance. */
public enum CourseMode {
    /** 内部培训 */ INTERNAL,
    /** 外部培训 */ EXTERNAL,
    /** 案例教学 */ CASE_STUDY,
    /** 在线学习 */ ONLINE
}
