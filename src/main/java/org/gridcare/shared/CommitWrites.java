package org.gridcare.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that modules make at the very end of a transaction (held-back audit records, the KPI facts' queue notes,
 * an intake group's SLA clocks and complaint cases), sent together in ONE round trip that also commits: the
 * statements, each with its own named parameters, and the {@code commit} go as one multi-statement request (the
 * PostgreSQL driver sends them in one message batch and waits once). A round trip, not a row, is what a short
 * transaction pays for (docs/benchmarks.md), so a group of intakes ends with one round trip for these writes and its
 * commit instead of one per module and one more to commit. They run in the transaction: they commit or roll back
 * with it, and a failing one fails the commit (the statements after it, the commit included, do not run).
 *
 * <p>The application's transaction manager ({@link CommitWritesTransactionManager}) sends them as its commit, after
 * every before-commit step, so a module may {@link #add} from its own before-commit step in any order. Under any
 * other transaction manager (or in a scope without an actual transaction) they are sent, without the commit, by a
 * before-commit step ordered {@link #ORDER}.
 *
 * <p>A module calls {@link #expect} while the transaction's work runs (a synchronization registered once the
 * transaction has begun to commit would never run). Each transaction has its own writes: a transaction started
 * inside another one (REQUIRES_NEW) neither sees nor sends the outer one's.
 */
@Component
public class CommitWrites {

    /** The order of the before-commit step that sends the writes when the commit does not carry them. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    /** Set when the application's transaction manager sends the writes with its commit. */
    private volatile boolean carriedByCommit;

    CommitWrites(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Makes the current transaction send its end writes when it commits. Call before it begins to commit. */
    public void expect() {
        Key key = currentKey();
        if (TransactionSynchronizationManager.getResource(key) == null) {
            Pending pending = new Pending(key);
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
    }

    /**
     * Adds an insert or update (no result rows) with named parameters, sent with the others when the transaction
     * commits; {@link #expect} must have been called in the transaction before it began to commit.
     */
    public void add(String sql, Map<String, ?> parameters) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(currentKey());
        if (pending == null || pending.sent) {
            throw new IllegalStateException("no end writes expected in this transaction (or already sent)");
        }
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        MapSqlParameterSource source = new MapSqlParameterSource(parameters);
        pending.sql.add(NamedParameterUtils.substituteNamedParameters(parsed, source));
        for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
            pending.arguments.add(value);
        }
    }

    void carriedByCommit() {
        carriedByCommit = true;
    }

    /**
     * Sends the end writes of the transaction on {@code connection} followed by its commit, in one request; false
     * when it has none (the caller then commits as usual).
     */
    boolean sendWithCommit(ConnectionHolder connection) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(new Key(connection));
        if (pending == null || pending.sent) {
            return false;
        }
        return pending.send(true);
    }

    /** The current transaction's key: its connection. */
    private Key currentKey() {
        Object holder = TransactionSynchronizationManager.getResource(dataSource);
        if (!(holder instanceof ConnectionHolder connection) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("end writes need a transaction");
        }
        return new Key(connection);
    }

    /** A transaction's end writes, found by its connection (a suspended outer transaction has another). */
    private record Key(ConnectionHolder connection) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.connection == connection;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(connection);
        }
    }

    /** The writes of one transaction, with their positional arguments in order. */
    private final class Pending implements TransactionSynchronization {

        private final Key key;
        private final List<String> sql = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();
        private boolean sent;

        Pending(Key key) {
            this.key = key;
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (carriedByCommit && TransactionSynchronizationManager.isActualTransactionActive()) {
                return;
            }
            send(false);
        }

        /** Sends the writes (and, with {@code commit}, the commit after them); false when there were none. */
        boolean send(boolean commit) {
            sent = true;
            if (sql.isEmpty()) {
                return false;
            }
            jdbc.update(String.join(";\n", sql) + (commit ? ";\ncommit" : ""), arguments.toArray());
            return true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
