package org.gridcare.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scanInterval    how often the deadline scheduler looks for warnings and breaches that came due
 * @param scanBatch       at most this many warnings (and as many breaches) are raised per scan and instance
 * @param schedulerEnabled whether this instance runs the deadline scheduler at all
 * @param calendarRefresh how long an instance trusts its cached calendar before reading it again
 *                        (changes made on the same instance apply at once)
 * @param policyRefresh   how long an instance trusts its cached list of policy versions (a version
 *                        published on the same instance applies at once, on other instances after this)
 */
@ConfigurationProperties("gridcare.sla")
record SlaProperties(
        @DefaultValue("30s") Duration scanInterval,
        @DefaultValue("500") int scanBatch,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("5m") Duration calendarRefresh,
        @DefaultValue("30s") Duration policyRefresh) {
}
