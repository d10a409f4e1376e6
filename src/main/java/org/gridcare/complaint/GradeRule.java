package org.gridcare.complaint;

/** The clocks of a grade (a row of complaint_grade_rule): working days to investigation and closure, warning share. */
public record GradeRule(ComplaintGrade grade, int investigationWorkingDays, int closureWorkingDays, int warnPercent,
                        boolean notifyLeadership, String note) {
}
