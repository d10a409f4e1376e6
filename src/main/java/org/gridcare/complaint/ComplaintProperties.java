package org.gridcare.complaint;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param repeatWindowDays   a complaint of the same customer within this many days after an earlier one is linked
 *                           to it as a repeat complaint (*assumed* default 30, domain reference §2)
 * @param scanInterval       how often the scanner looks for case clocks whose warning or breach came due
 * @param scanBatch          how many it raises per transaction
 * @param schedulerEnabled   whether this instance scans (safe on every instance: each alarm is claimed once)
 * @param attachmentMaxSize  largest evidence file
 * @param attachmentTypes    content types accepted, as detected from the file's bytes
 */
@ConfigurationProperties("gridcare.complaint")
record ComplaintProperties(
        @DefaultValue("30") int repeatWindowDays,
        @DefaultValue("60s") Duration scanInterval,
        @DefaultValue("200") int scanBatch,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("10MB") DataSize attachmentMaxSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"})
        List<String> attachmentTypes) {
}
