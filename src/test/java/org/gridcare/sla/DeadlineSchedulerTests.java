package org.gridcare.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.sla.SlaClockEngineTests.newOrderId;
import static org.gridcare.sla.SlaClockEngineTests.profile;
import static org.gridcare.sla.WorkingDaysTests.at;

/**
 * Two scheduler instances against one database. The clocks here start in 2091, far from the time
 * the application's own scheduled scan sees, so only the two scanners of the test raise them.
 */
@GridCareTest
class DeadlineSchedulerTests {

    static final int ORDERS = 40;

    @Autowired DeadlineScheduler scheduler;
    @Autowired SlaClockEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired DeadlineAlarms alarms;
    @Autowired Clock clock;

    @Test
    void twoSchedulerInstancesRaiseEachWarningAndBreachExactlyOnce() throws Exception {
        Instant start = at("2091-03-05T10:00");
        Set<Long> orders = new HashSet<>();
        for (int i = 0; i < ORDERS; i++) {
            long order = newOrderId();
            orders.add(order);
            tx.executeWithoutResult(s -> engine.start(order, profile("FAULT_REPAIR", null, "URBAN", "APP"), start));
        }
        // a second instance, with a small batch so that the two interleave over many transactions
        DeadlineScheduler other = new DeadlineScheduler(jdbc, tx, alarms,
                new SlaProperties(Duration.ofSeconds(30), 7, true, Duration.ofMinutes(5), Duration.ofSeconds(30)), clock);

        // 6 minutes in: every DISPATCH clock (5 min) is breached
        List<DeadlineScheduler.Raised> breaches = mine(scanConcurrently(scheduler, other, start.plus(Duration.ofMinutes(6))), orders);
        assertThat(breaches).hasSize(ORDERS).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(DeadlineScheduler.Kind.BREACH);
            assertThat(r.clockName()).isEqualTo("DISPATCH");
        });
        assertThat(breaches.stream().map(DeadlineScheduler.Raised::orderId).collect(Collectors.toSet())).isEqualTo(orders);

        // 40 minutes in: every ARRIVAL clock (45 min, warning at 80 % = 36 min) warns
        List<DeadlineScheduler.Raised> warnings = mine(scanConcurrently(scheduler, other, start.plus(Duration.ofMinutes(40))), orders);
        assertThat(warnings).hasSize(ORDERS).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(DeadlineScheduler.Kind.WARNING);
            assertThat(r.clockName()).isEqualTo("ARRIVAL");
        });

        // scanning again raises nothing more
        assertThat(mine(scanConcurrently(scheduler, other, start.plus(Duration.ofMinutes(41))), orders)).isEmpty();

        Long audited = jdbc.sql("""
                select count(*) from audit_event where action = 'SLA_BREACHED' and entity_id in (:orders)
                """).param("orders", orders.stream().map(String::valueOf).toList()).query(Long.class).single();
        assertThat(audited).isEqualTo(ORDERS);
    }

    @Test
    void aPausedClockIsNotRaisedAndAClockStoppedLateRaisesItsBreachOnce() {
        Instant start = at("2091-04-02T10:00");
        long paused = newOrderId();
        long late = newOrderId();
        tx.executeWithoutResult(s -> engine.start(paused, profile("COMPLAINT", null, "URBAN", "APP"), start));
        tx.executeWithoutResult(s -> engine.start(late, profile("FAULT_REPAIR", null, "URBAN", "APP"), start));
        tx.executeWithoutResult(s -> engine.record(paused, OrderEvent.SUSPENDED, "SUSPENDED", start.plusSeconds(60)));
        tx.executeWithoutResult(s -> engine.record(late, OrderEvent.DISPATCHED, "DISPATCHED", start.plus(Duration.ofMinutes(7))));

        List<DeadlineScheduler.Raised> raised = mine(scheduler.scan(start.plus(Duration.ofDays(30))), Set.of(paused, late));
        assertThat(raised).extracting(r -> r.orderId() + "/" + r.clockName() + "/" + r.kind())
                .containsExactlyInAnyOrder(late + "/FIRST_RESPONSE/BREACH", late + "/ARRIVAL/BREACH");
        Long audited = jdbc.sql("select count(*) from audit_event where action = 'SLA_BREACHED' and entity_id = :order")
                .param("order", String.valueOf(late)).query(Long.class).single();
        assertThat(audited).isEqualTo(3); // DISPATCH when stopped late, FIRST_RESPONSE and ARRIVAL by the scan
    }

    @Test
    void theDueClockScanReadsOnlyThePartialIndexOfRunningClocks() {
        // a hundred thousand finished clocks and twenty thousand running ones, rolled back afterwards; how fast
        // the scan is at volume is a benchmark (docs/benchmarks.md), not this test
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into sla_order (order_id, policy_version_id, order_type, started_at)
                    select -g, 1, 'COMPLAINT', now() from generate_series(1, 120000) g
                    """).update();
            // fresh statistics also make this connection re-plan its cached foreign-key check on sla_order,
            // which was planned as a scan of a tiny table and would otherwise run once per inserted clock
            jdbc.sql("analyze sla_order").update();
            jdbc.sql("""
                    insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, warning_at, stopped_at, outcome)
                    select -g, 'REPLY', (select min(id) from sla_clock_rule), now() - interval '10 days',
                           now() - interval '5 days', now() - interval '6 days',
                           case when g <= 100000 then now() - interval '7 days' end,
                           case when g <= 100000 then 'MET' end
                    from generate_series(1, 120000) g
                    """).update();
            jdbc.sql("analyze sla_clock").update();
            List<String> plan = jdbc.sql("""
                    explain (format text)
                    select id from sla_clock
                    where stopped_at is null and paused_since is null and not breach_raised and due_at <= now()
                    order by due_at limit 500 for update skip locked
                    """).query(String.class).list();
            String text = String.join("\n", plan);
            assertThat(text).contains("sla_clock_breach_pending").doesNotContain("Seq Scan");
            status.setRollbackOnly();
        });
    }

    private static List<DeadlineScheduler.Raised> mine(List<DeadlineScheduler.Raised> raised, Set<Long> orders) {
        return raised.stream().filter(r -> orders.contains(r.orderId())).toList();
    }

    private static List<DeadlineScheduler.Raised> scanConcurrently(DeadlineScheduler a, DeadlineScheduler b, Instant now)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<DeadlineScheduler.Raised>>> scans = new ArrayList<>();
            for (DeadlineScheduler scanner : List.of(a, b)) {
                scans.add(() -> {
                    barrier.await();
                    List<DeadlineScheduler.Raised> all = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        all.addAll(scanner.scan(now));
                    }
                    return all;
                });
            }
            List<DeadlineScheduler.Raised> raised = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<DeadlineScheduler.Raised>> f : pool.invokeAll(scans)) {
                raised.addAll(f.get());
            }
            return raised;
        } finally {
            pool.shutdownNow();
        }
    }
}
