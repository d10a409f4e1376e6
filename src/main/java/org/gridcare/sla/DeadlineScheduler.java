package org.gridcare.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds running clocks whose warning or due moment has passed and raises each warning and breach
 * exactly once, however many GridCare instances scan the same database: a scan claims clocks with
 * {@code for update skip locked}, flips the clock's *_raised flag and publishes the event in one
 * transaction, so a clock is either claimed and raised by one instance or left for the next scan.
 * The scans read only the partial indexes on running, not yet raised clocks.
 */
@Component
class DeadlineScheduler {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);
    /** A scan stops after this many full batches and leaves the rest to the next run. */
    private static final int MAX_BATCHES_PER_SCAN = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DeadlineAlarms alarms;
    private final SlaProperties properties;
    private final Clock clock;

    DeadlineScheduler(JdbcClient jdbc, TransactionTemplate tx, DeadlineAlarms alarms, SlaProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.alarms = alarms;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridcare.sla.scan-interval:30s}", initialDelayString = "${gridcare.sla.scan-interval:30s}")
    void scheduledScan() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            scan(Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("SLA deadline scan failed; the next scan will retry", e);
        }
    }

    /** Raises what came due by {@code now}; returns what this call raised. */
    List<Raised> scan(Instant now) {
        List<Raised> raised = new ArrayList<>();
        for (int batch = 0; batch < MAX_BATCHES_PER_SCAN; batch++) {
            List<Raised> breaches = tx.execute(status -> raiseBreaches(now));
            raised.addAll(breaches);
            if (breaches.size() < properties.scanBatch()) {
                break;
            }
        }
        for (int batch = 0; batch < MAX_BATCHES_PER_SCAN; batch++) {
            List<Raised> warnings = tx.execute(status -> raiseWarnings(now));
            raised.addAll(warnings);
            if (warnings.size() < properties.scanBatch()) {
                break;
            }
        }
        return raised;
    }

    private List<Raised> raiseBreaches(Instant now) {
        // a breach also settles the clock's warning: nobody needs an amber alarm after the red one
        List<Raised> claimed = claim(Kind.BREACH, """
                update sla_clock set breach_raised = true, warning_raised = true
                where id in (select id from sla_clock
                             where stopped_at is null and paused_since is null and not breach_raised and due_at <= :now
                             order by due_at limit :batch
                             for update skip locked)
                returning id, order_id, clock_name, due_at
                """, now);
        claimed.forEach(b -> alarms.breach(b.orderId(), b.clockName(), b.dueAt(), now));
        return claimed;
    }

    private List<Raised> raiseWarnings(Instant now) {
        List<Raised> claimed = claim(Kind.WARNING, """
                update sla_clock set warning_raised = true
                where id in (select id from sla_clock
                             where stopped_at is null and paused_since is null and not warning_raised and warning_at <= :now
                             order by warning_at limit :batch
                             for update skip locked)
                returning id, order_id, clock_name, due_at
                """, now);
        claimed.forEach(w -> alarms.warn(w.orderId(), w.clockName(), w.dueAt(), now));
        return claimed;
    }

    /** Flips the flag of up to one batch of due clocks that no other instance holds, and says which. */
    private List<Raised> claim(Kind kind, String sql, Instant now) {
        return jdbc.sql(sql)
                .param("now", Timestamp.from(now))
                .param("batch", properties.scanBatch())
                .query((rs, n) -> new Raised(kind, rs.getLong("id"), rs.getLong("order_id"),
                        rs.getString("clock_name"), rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    enum Kind { WARNING, BREACH }

    /** One alarm a scan raised. */
    record Raised(Kind kind, long clockId, long orderId, String clockName, Instant dueAt) {
    }
}
