package org.gridcare.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises the warnings and breaches of case clocks once each, however many instances scan: a scan claims due
 * clocks with {@code for update skip locked} and flips their flag in the transaction that writes the notice to
 * the unit's supervisors and managers, the case's history entry and (for a breach) the audit record.
 */
@Component
class ComplaintDeadlineScanner {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlineScanner.class);
    private static final int MAX_BATCHES = 20;

    private final ComplaintRepository repo;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final ComplaintProperties properties;
    private final Clock clock;

    ComplaintDeadlineScanner(ComplaintRepository repo, TransactionTemplate tx, AuditTrail audit,
                             ComplaintProperties properties, Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridcare.complaint.scan-interval:60s}",
            initialDelayString = "${gridcare.complaint.scan-interval:60s}")
    void scheduledScan() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            scan(Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Complaint deadline scan failed; the next scan will retry", e);
        }
    }

    /** Raises what came due by {@code now}; returns what this call raised. */
    List<ComplaintRepository.Alarm> scan(Instant now) {
        List<ComplaintRepository.Alarm> raised = new ArrayList<>();
        for (boolean breach : new boolean[] {true, false}) {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                List<ComplaintRepository.Alarm> claimed = tx.execute(status -> raise(breach, now));
                raised.addAll(claimed);
                if (claimed.size() < properties.scanBatch()) {
                    break;
                }
            }
        }
        return raised;
    }

    private List<ComplaintRepository.Alarm> raise(boolean breach, Instant now) {
        List<ComplaintRepository.Alarm> claimed = repo.claim(breach, now, properties.scanBatch());
        for (ComplaintRepository.Alarm alarm : claimed) {
            repo.find(alarm.caseId(), DataScope.unrestricted(), now, now.atZone(org.gridcare.shared.BusinessTime.ZONE)
                    .toLocalDate()).ifPresent(found -> {
                ComplaintCase c = found.c();
                String kind = breach ? "DEADLINE_BREACHED" : "DEADLINE_WARNING";
                String detail = "%s %s %s, due %s".formatted(c.orderNumber, c.grade, alarm.kind(), alarm.dueAt());
                repo.insertNotice(c.id, c.orderNumber, c.unitId, "SUPERVISOR", kind, detail, now);
                repo.insertEvent(c.id, now, "system", kind, alarm.kind() + " due " + alarm.dueAt());
                if (breach) {
                    audit.record("COMPLAINT_DEADLINE_BREACHED", Complaints.ENTITY, String.valueOf(c.id), detail);
                }
            });
        }
        return claimed;
    }
}
