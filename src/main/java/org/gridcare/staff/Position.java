package org.gridcare.staff;

/**
 * A staff member's post (岗位): hotline agent (客服坐席), dispatcher (调度员), repair electrician (抢修电工),
 * business-hall clerk (营业厅柜员), inspector (质检员), trainer (培训师), team leader (班组长), supervisor (值班长/主管)
 * and manager (管理人员). Which certificates a post must hold is data (staff_certificate_requirement).
 */
public enum Position {
    AGENT, DISPATCHER, REPAIR_ELECTRICIAN, BUSINESS_HALL_CLERK, INSPECTOR, TRAINER, TEAM_LEADER, SUPERVISOR, MANAGER
}
