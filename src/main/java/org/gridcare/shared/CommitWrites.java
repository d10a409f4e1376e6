package org.gridcare.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that modules make at the very end of a transaction (held-back audit records, the KPI facts' queue notes),
 * sent together in ONE round trip just before it commits: the statements, each with its own named parameters, go
 * as one multi-statement request (the PostgreSQL driver sends them in one message batch and waits once). A round
 * trip, not a row, is what a short transaction pays for (docs/benchmarks.md), so a group of intakes ends with one
 * round trip for these writes instead of one per module. They run in the transaction: they commit or roll back with
 * it, and a failing one fails the commit.
 *
 * <p>A module calls {@link #expect} while the transaction's work runs (a synchronization registered once the
 * transaction has begun to commit would never run), and {@link #add} from its own before-commit step, which must be
 * ordered before {@link #ORDER}.
 */
@Component
public class CommitWrites {

    /** The order of the step that sends the writes: after every module's before-commit step that adds one. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    private final JdbcTemplate jdbc;

    CommitWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the current transaction send its end writes just before it commits. Call before it begins to commit. */
    public void expect() {
        pending();
    }

    /**
     * Adds an insert or update (no result rows) with named parameters, sent with the others just before the
     * transaction commits; {@link #expect} must have been called in the transaction before it began to commit.
     */
    public void add(String sql, Map<String, ?> parameters) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
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

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** The writes of one transaction, with their positional arguments in order. */
    private final class Pending implements TransactionSynchronization {

        private final List<String> sql = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();
        private boolean sent;

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            sent = true;
            if (!sql.isEmpty()) {
                jdbc.update(String.join(";\n", sql), arguments.toArray());
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitWrites.this);
        }
    }
}
