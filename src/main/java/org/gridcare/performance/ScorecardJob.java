package org.gridcare.performance;

import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly scorecard job: on every run (injected clock, {@code gridcare.performance.job-interval}) it recomputes
 * the open months and closes the previous month from its grace day on. Idempotent and serialised per month, so
 * several instances may run it.
 */
@Component
class ScorecardJob {

    private static final Logger log = LoggerFactory.getLogger(ScorecardJob.class);

    private final Scorecards scorecards;
    private final PerformanceProperties properties;

    ScorecardJob(Scorecards scorecards, PerformanceProperties properties) {
        this.scorecards = scorecards;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${gridcare.performance.job-interval:1h}",
            initialDelayString = "${gridcare.performance.job-interval:1h}")
    void scheduledRun() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            List<YearMonth> closed = scorecards.runDue();
            if (!closed.isEmpty()) {
                log.info("Performance scorecards closed for {}", closed);
            }
        } catch (RuntimeException e) {
            log.error("Performance scorecard job failed; the next run will retry", e);
        }
    }
}
