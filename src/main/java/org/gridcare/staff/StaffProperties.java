package org.gridcare.staff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param reminderLeadDays  a certificate's holder and team leader are reminded this many days before it expires
 * @param scanInterval      how often the reminder job runs (idempotent: safe on every instance)
 * @param schedulerEnabled  whether this instance runs the reminder job
 * @param scanMaxSize       the largest certificate scan
 * @param scanTypes         scan content types accepted (detected from the bytes)
 */
@ConfigurationProperties("gridcare.staff")
record StaffProperties(
        @DefaultValue("30") int reminderLeadDays,
        @DefaultValue("1h") Duration scanInterval,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("5MB") DataSize scanMaxSize,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> scanTypes) {
}
