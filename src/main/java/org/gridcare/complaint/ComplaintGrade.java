package org.gridcare.complaint;

/** 投诉分级: 一般 / 重要 / 重大 (MAJOR: injury, media attention or special events; reported to leadership at once). */
public enum ComplaintGrade { ORDINARY, IMPORTANT, MAJOR }
