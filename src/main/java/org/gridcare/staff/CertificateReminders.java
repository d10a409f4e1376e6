package org.gridcare.staff;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the certificate reminders now and then. Idempotent (a notice exists once per certificate, expiry date and
 * recipient), so it is safe on every instance and after a restart.
 */
@Component
class CertificateReminders {

    private static final Logger log = LoggerFactory.getLogger(CertificateReminders.class);

    private final Certificates certificates;
    private final StaffProperties properties;
    private final Clock clock;

    CertificateReminders(Certificates certificates, StaffProperties properties, Clock clock) {
        this.certificates = certificates;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridcare.staff.scan-interval:1h}",
            initialDelayString = "${gridcare.staff.scan-interval:1h}")
    void scheduledRun() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            int sent = certificates.remind(Instant.now(clock));
            if (sent > 0) {
                log.info("Sent {} certificate reminders", sent);
            }
        } catch (RuntimeException e) {
            log.error("Certificate reminders failed; the next run will retry", e);
        }
    }
}
