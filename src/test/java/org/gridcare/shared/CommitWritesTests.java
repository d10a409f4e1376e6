package org.gridcare.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End writes go in one request with the commit, each statement with its own parameters, and commit or roll back with
 * the transaction (each transaction its own). Counter rows of days long past stand in for any rows.
 */
@GridCareTest
class CommitWritesTests {

    private static final String INSERT_DAYS = """
            insert into work_order_counter (day, last)
            select d, :last from unnest(cast(:days as date[])) d""";

    @Autowired CommitWrites endWrites;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void endWritesAreSentAtCommitEachWithItsOwnParameters() {
        LocalDate base = LocalDate.of(1801, 1, 1).plusDays(System.nanoTime() % 10_000);
        transactions.executeWithoutResult(status -> {
            endWrites.expect();
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.toString(), base.plusDays(1).toString()},
                    "last", 7));
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.plusDays(2).toString()}, "last", 9));
            assertThat(days(base)).as("not sent before the commit").isEmpty();
        });
        assertThat(days(base)).containsExactly(base + " 7", base.plusDays(1) + " 7", base.plusDays(2) + " 9");
    }

    @Test
    void aFailingEndWriteFailsTheCommitAndNothingOfTheTransactionStays() {
        LocalDate base = LocalDate.of(1811, 1, 1).plusDays(System.nanoTime() % 10_000);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into work_order_counter (day, last) values (:d, 1)").param("d", base.plusDays(5))
                    .update();
            endWrites.expect();
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.toString()}, "last", 1));
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.toString()}, "last", 2));
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(days(base)).isEmpty();
    }

    @Test
    void aTransactionStartedInsideAnotherCommitsOnlyItsOwnEndWrites() {
        LocalDate base = LocalDate.of(1821, 1, 1).plusDays(System.nanoTime() % 10_000);
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(outer -> {
            endWrites.expect();
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.toString()}, "last", 1));
            inner.executeWithoutResult(status -> {
                endWrites.expect();
                endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.plusDays(1).toString()}, "last", 2));
            });
            // the inner transaction has committed its own write, and only that one
            assertThat(committedDays(base)).containsExactly(base.plusDays(1) + " 2");
            outer.setRollbackOnly();
        });
        assertThat(days(base)).containsExactly(base.plusDays(1) + " 2");
    }

    @Test
    void afterTheCommitThatCarriedTheEndWritesTheTransactionsAfterCommitStepsRun() {
        LocalDate base = LocalDate.of(1831, 1, 1).plusDays(System.nanoTime() % 10_000);
        List<String> seen = new java.util.ArrayList<>();
        transactions.executeWithoutResult(status -> {
            endWrites.expect();
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.toString()}, "last", 3));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    seen.addAll(committedDays(base));
                }
            });
        });
        assertThat(seen).containsExactly(base + " 3");
        // the connection went back to the pool in a usable state: the next transaction writes and commits
        transactions.executeWithoutResult(status -> {
            endWrites.expect();
            endWrites.add(INSERT_DAYS, Map.of("days", new String[] {base.plusDays(1).toString()}, "last", 4));
        });
        assertThat(days(base)).containsExactly(base + " 3", base.plusDays(1) + " 4");
    }

    /** What another connection sees (committed rows only), whatever transaction this thread is in. */
    private List<String> committedDays(LocalDate from) {
        TransactionTemplate other = new TransactionTemplate(transactions.getTransactionManager());
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return other.execute(status -> days(from));
    }

    @Test
    void aWriteWithoutExpectingEndWritesIsRefused() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                endWrites.add(INSERT_DAYS, Map.of("days", new String[0], "last", 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<String> days(LocalDate from) {
        return jdbc.sql("select day || ' ' || last from work_order_counter where day between :a and :b order by day")
                .param("a", from).param("b", from.plusDays(10)).query(String.class).list();
    }
}
