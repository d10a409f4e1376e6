package org.gridcare.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param runPageSize       customers a bill run reads, prices and writes per step (one reading query, one COPY)
 * @param runQueue          bill runs waiting for the single run thread; a request beyond it is refused (409)
 * @param skipReportLimit   skipped customers a run lists with their reason (the counts stay exact beyond it)
 * @param staleAfter        a run whose instance has not reported for this long is marked FAILED
 */
@ConfigurationProperties("gridcare.billing")
record BillingProperties(@DefaultValue("5000") int runPageSize, @DefaultValue("4") int runQueue,
                         @DefaultValue("1000") int skipReportLimit, @DefaultValue("120s") Duration staleAfter) {
}
