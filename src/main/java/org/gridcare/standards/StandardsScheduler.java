package org.gridcare.standards;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts scheduled versions in force when their effective moment comes and reminds owners of standards due for
 * review. Both are idempotent and lock the standard's row, so several instances may run it.
 */
@Component
class StandardsScheduler {

    private static final Logger log = LoggerFactory.getLogger(StandardsScheduler.class);

    private final Standards standards;
    private final StandardsProperties properties;
    private final Clock clock;

    StandardsScheduler(Standards standards, StandardsProperties properties, Clock clock) {
        this.standards = standards;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridcare.standards.scan-interval:60s}",
            initialDelayString = "${gridcare.standards.scan-interval:60s}")
    void scheduledRun() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            run(Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Standards scheduler failed; the next run will retry", e);
        }
    }

    /** Switches what came due and sends the review reminders; returns (switched, reminded). */
    int[] run(Instant now) {
        return new int[] {standards.switchDue(now), standards.remindReviews(now)};
    }
}
