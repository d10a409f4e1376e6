package org.gridcare.standards;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param acknowledgeDays    bound staff acknowledge a published version within this many days of its effective date
 * @param scanInterval       how often the scheduler publishes versions whose effective date came and sends review reminders
 * @param schedulerEnabled   whether this instance runs that scheduler
 * @param attachmentMaxSize  the largest attachment of a standard
 * @param attachmentTypes    attachment content types accepted (detected from the bytes)
 */
@ConfigurationProperties("gridcare.standards")
record StandardsProperties(
        @DefaultValue("14") int acknowledgeDays,
        @DefaultValue("60s") Duration scanInterval,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("20MB") DataSize attachmentMaxSize,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/x-tika-ooxml"}) List<String> attachmentTypes) {
}
