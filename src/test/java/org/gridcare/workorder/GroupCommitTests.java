package org.gridcare.workorder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gridcare.GridCareTest;
import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GridCareTest
class GroupCommitTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired AuditTrail audit;

    @Test
    void unitsArrivingTogetherShareOneTransactionAndAFailingOneFailsOnlyItsOwnCaller() throws Exception {
        // counter rows of days long past stand in for any rows a unit writes
        LocalDate base = LocalDate.of(1901, 1, 1).plusDays(System.nanoTime() % 10_000);
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try (GroupCommit<Supplier<Long>, Long> group = units(Runnable::run)) {
            // the first unit holds the writer, so that the next four queue up and form one group
            Future<Long> first = callers.submit(() -> group.run(() -> {
                writerBusy.countDown();
                await(release);
                return insertDay(base);
            }));
            assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Long>> grouped = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                LocalDate day = base.plusDays(i);
                boolean fails = i == 3;
                grouped.add(callers.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(
                            new TestingAuthenticationToken("caller-" + day, null));
                    return group.run(() -> {
                        // each unit runs as its own caller
                        assertThat(SecurityContextHolder.getContext().getAuthentication().getName())
                                .isEqualTo("caller-" + day);
                        long transaction = insertDay(day);
                        if (fails) {
                            throw new IllegalArgumentException("unit of " + day + " fails");
                        }
                        return transaction;
                    });
                }));
            }
            while (queued(group) < 4) {
                Thread.sleep(10);
            }
            release.countDown();

            long firstTransaction = first.get(10, TimeUnit.SECONDS);
            List<Long> transactions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                if (i == 2) {
                    Future<Long> failing = grouped.get(i);
                    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(IllegalArgumentException.class);
                } else {
                    transactions.add(grouped.get(i).get(10, TimeUnit.SECONDS));
                }
            }
            assertThat(transactions).doesNotContain(firstTransaction);
            // the group failed once and its units ran again alone: each in a transaction of its own
            assertThat(transactions).doesNotHaveDuplicates();
        } finally {
            callers.shutdown();
        }
        assertThat(daysWritten(base, base.plusDays(4)))
                .containsExactly(base, base.plusDays(1), base.plusDays(2), base.plusDays(4));
    }

    @Test
    void unitsOfOneGroupCommitTogether() throws Exception {
        LocalDate base = LocalDate.of(1931, 1, 1).plusDays(System.nanoTime() % 10_000);
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (GroupCommit<Supplier<Long>, Long> group = units(Runnable::run)) {
            callers.submit(() -> group.run(() -> {
                writerBusy.countDown();
                await(release);
                return insertDay(base);
            }));
            assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Long>> grouped = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                LocalDate day = base.plusDays(i);
                grouped.add(callers.submit(() -> group.run(() -> insertDay(day))));
            }
            while (queued(group) < 3) {
                Thread.sleep(10);
            }
            release.countDown();
            List<Long> transactions = new ArrayList<>();
            for (Future<Long> unit : grouped) {
                transactions.add(unit.get(10, TimeUnit.SECONDS));
            }
            assertThat(transactions).containsOnly(transactions.get(0));
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aGroupWritesItsAuditRecordsTogetherEachUnderItsCallerAndAFailingUnitLeavesNone() throws Exception {
        LocalDate base = LocalDate.of(1961, 1, 1).plusDays(System.nanoTime() % 10_000);
        String marker = "group-audit-" + System.nanoTime();
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(5);
        Scope batchedAudit = units -> audit.batched(() -> {
            units.run();
            return null;
        });
        try (GroupCommit<Supplier<Long>, Long> group = units(batchedAudit)) {
            Future<Long> first = callers.submit(() -> group.run(() -> {
                writerBusy.countDown();
                await(release);
                return insertDay(base);
            }));
            assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Long>> grouped = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                LocalDate day = base.plusDays(i);
                boolean fails = i == 2;
                grouped.add(callers.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(
                            new TestingAuthenticationToken(actor("auditor-" + day), null));
                    return group.run(() -> {
                        long transaction = insertDay(day);
                        audit.record("GROUP_TEST", "Day", day.toString(), marker);
                        // held back until the group ends: nothing written yet
                        assertThat(auditedDays(marker)).doesNotContain(day.toString());
                        if (fails) {
                            throw new IllegalStateException("unit of " + day + " fails after its audit record");
                        }
                        return transaction;
                    });
                }));
            }
            while (queued(group) < 4) {
                Thread.sleep(10);
            }
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 4; i++) {
                Future<Long> unit = grouped.get(i);
                if (i == 1) {
                    assertThatThrownBy(() -> unit.get(10, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(IllegalStateException.class);
                } else {
                    unit.get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            callers.shutdown();
        }
        // one record per committed unit, each under the actor of its own caller; none of the failed unit
        assertThat(jdbc.sql("select entity_id || ' ' || actor from audit_event where summary = :m order by entity_id")
                .param("m", marker).query(String.class).list())
                .containsExactly(base.plusDays(1) + " auditor-" + base.plusDays(1),
                        base.plusDays(3) + " auditor-" + base.plusDays(3),
                        base.plusDays(4) + " auditor-" + base.plusDays(4));
    }

    @Test
    void batchedAuditRecordsBeyondOneStatementAreAllWritten() {
        String marker = "batch-audit-" + System.nanoTime();
        int records = 1_203;
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> audit.batched(() -> {
            for (int i = 0; i < records; i++) {
                audit.record("BATCH_TEST", "Row", String.valueOf(i), marker);
            }
            return null;
        }));
        assertThat(jdbc.sql("select count(distinct entity_id) from audit_event where summary = :m")
                .param("m", marker).query(Long.class).single()).isEqualTo(records);
    }

    @Test
    void recordsHeldUntilCommitTakeInThoseOfBatchedCallsAtCommitAndARollbackDropsThem() {
        String marker = "commit-audit-" + System.nanoTime();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            audit.batchedUntilCommit(() -> {
                audit.record("HOLD_TEST", "Row", "1", marker);
                return null;
            });
            assertThat(auditedRows(marker)).as("held until the commit").isEmpty();
            // another module's before-commit work (as complaint cases opened at commit), which runs first
            atCommit(() -> audit.record("HOLD_TEST", "Row", "2", marker));
        });
        assertThat(auditedRows(marker)).containsExactly("1", "2");

        transactions.executeWithoutResult(status -> {
            audit.batchedUntilCommit(() -> {
                audit.record("HOLD_TEST", "Row", "3", marker);
                return null;
            });
            status.setRollbackOnly();
        });
        // without records held until commit, a batched call at commit writes its own
        transactions.executeWithoutResult(status -> atCommit(() -> audit.record("HOLD_TEST", "Row", "4", marker)));
        assertThat(auditedRows(marker)).containsExactly("1", "2", "4");
    }

    private void atCommit(Runnable records) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                audit.batched(() -> {
                    records.run();
                    return null;
                });
            }
        });
    }

    private List<String> auditedRows(String marker) {
        return jdbc.sql("select entity_id from audit_event where summary = :m order by entity_id").param("m", marker)
                .query(String.class).list();
    }

    private static Actor actor(String username) {
        return new Actor() {
            public long userId() {
                return 0;
            }

            public String username() {
                return username;
            }

            public String displayName() {
                return username;
            }

            public long unitId() {
                return 1;
            }

            public java.util.Set<String> roleNames() {
                return java.util.Set.of("AGENT");
            }
        };
    }

    private List<String> auditedDays(String marker) {
        return jdbc.sql("select entity_id from audit_event where summary = :m").param("m", marker)
                .query(String.class).list();
    }

    private long insertDay(LocalDate day) {
        jdbc.sql("insert into work_order_counter (day, last) values (:day, 1)").param("day", day).update();
        return jdbc.sql("select txid_current()").query(Long.class).single();
    }

    private List<LocalDate> daysWritten(LocalDate from, LocalDate to) {
        return jdbc.sql("select day from work_order_counter where day between :from and :to order by day")
                .param("from", from).param("to", to).query(LocalDate.class).list();
    }

    /** Runs a group's units, inside its transaction; a failure of it fails the group like a unit's. */
    @FunctionalInterface
    private interface Scope {
        void around(Runnable units);
    }

    /** Plain units of work as inputs: each runs in its caller's context, one after the other, inside {@code scope}. */
    private GroupCommit<Supplier<Long>, Long> units(Scope scope) {
        return new GroupCommit<>("test-group", new TransactionTemplate(transactionManager), 64, group -> {
            List<Long> results = new ArrayList<>(group.size());
            scope.around(() -> group.forEach(entry -> results.add(entry.inContext(entry.input()))));
            return results;
        });
    }

    private static int queued(GroupCommit<?, ?> group) {
        return group.queued();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
