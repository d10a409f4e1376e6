package org.gridcare.shared;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The application's transaction manager: Spring's JDBC one, except that a transaction with {@link CommitWrites end
 * writes} commits in the same request as those writes (one round trip instead of two). The driver then sees the
 * transaction ended and its own commit sends nothing. A failing write (or commit) fails the commit as any commit
 * failure does: the transaction rolls back and the caller gets the exception.
 */
final class CommitWritesTransactionManager extends JdbcTransactionManager {

    private final transient CommitWrites endWrites;

    CommitWritesTransactionManager(DataSource dataSource, CommitWrites endWrites) {
        super(dataSource);
        this.endWrites = endWrites;
        endWrites.carriedByCommit();
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        endWrites.sendWithCommit(((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder());
        // after the writes' commit the driver knows the transaction ended: this sends nothing then
        super.doCommit(status);
    }
}
