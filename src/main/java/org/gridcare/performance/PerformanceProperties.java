package org.gridcare.performance;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param closeAfterDays      a month's cards are closed (no longer recomputed) on this day of the next month
 *                            (Asia/Shanghai), so that late return visits, inspections and approvals still count
 * @param jobInterval         how often the scheduled job recomputes the open months and closes those that are due
 * @param schedulerEnabled    whether this instance runs that job
 * @param scoredRoles         the identity roles of users without a staff profile who still get a card (DEFAULT scheme)
 * @param starTeamMinMembers  a team needs this many scored members to be star team
 */
@ConfigurationProperties("gridcare.performance")
record PerformanceProperties(
        @DefaultValue("5") int closeAfterDays,
        @DefaultValue("1h") Duration jobInterval,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue({"AGENT", "DISPATCHER", "FIELD_STAFF", "INSPECTOR", "TRAINER", "SUPERVISOR"}) List<String> scoredRoles,
        @DefaultValue("2") int starTeamMinMembers) {
}
