package org.gridcare.training;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultMaxAttempts        exam attempts a staff member has when the course sets none
 * @param acknowledgeCourseHours    hours credited by a standard's read-and-acknowledge course
 * @param acknowledgeDays           the read-and-acknowledge course is due this many days after the version's
 *                                  effective moment (the standards module gives its task the same span)
 * @param materialMaxSize           largest uploaded course material
 * @param materialTypes             content types accepted for uploaded materials, detected from the bytes
 */
@ConfigurationProperties("gridcare.training")
record TrainingProperties(@DefaultValue("3") int defaultMaxAttempts,
                          @DefaultValue("0.5") BigDecimal acknowledgeCourseHours,
                          @DefaultValue("14") int acknowledgeDays,
                          @DefaultValue("20MB") DataSize materialMaxSize,
                          @DefaultValue({"application/pdf", "image/png", "image/jpeg", "video/mp4",
                                  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
                          List<String> materialTypes) {
}
