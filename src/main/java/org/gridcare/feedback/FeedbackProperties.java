package org.gridcare.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param responseWorkingDays a feedback is answered by the end of this many working days after it came in
 *                            (by the SLA module's working-day calendar; *assumed* default 5, like the public
 *                            commitment on complaints)
 */
@ConfigurationProperties("gridcare.feedback")
record FeedbackProperties(@DefaultValue("5") int responseWorkingDays) {
}
