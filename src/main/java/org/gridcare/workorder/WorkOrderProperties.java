package org.gridcare.workorder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param repeatWindow         a new order of the same customer (or address) and category within this window
 *                             is flagged as a repeat (assumed default: 30 days)
 * @param attachmentMaxSize    largest accepted attachment
 * @param attachmentTypes      content types accepted, as detected from the file's bytes
 * @param categoryCacheTtl     how long an instance trusts a category it has read (a change made on the same
 *                             instance applies at once)
 * @param intakeGroupMax       most new orders written in one transaction (intakes arriving together share it)
 */
@ConfigurationProperties("gridcare.workorder")
record WorkOrderProperties(
        @DefaultValue("30d") Duration repeatWindow,
        @DefaultValue("10MB") DataSize attachmentMaxSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"})
        List<String> attachmentTypes,
        @DefaultValue("60s") Duration categoryCacheTtl,
        @DefaultValue("64") int intakeGroupMax) {
}
