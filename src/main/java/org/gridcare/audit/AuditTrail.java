package org.gridcare.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.gridcare.shared.CommitWrites;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.RequestIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what happened. Called inside the transaction of the change it records, so that a change
 * and its audit record are committed — or rolled back — together.
 */
@Service
public class AuditTrail {

    /** Rows of one insert at most (its columns are arrays: no parameter limit, but a bounded message). */
    static final int BATCH_ROWS = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CommitWrites endWrites;
    /** The records held back by {@link #batched} on this thread, if it runs one. */
    private final ThreadLocal<List<Row>> held = new ThreadLocal<>();

    AuditTrail(JdbcClient jdbc, Clock clock, CommitWrites endWrites) {
        this.jdbc = jdbc;
        this.endWrites = endWrites;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or of the system when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, String summary) {
        var actor = Actors.current();
        write(actor.map(Actor::username).orElse("system"), actor.map(Actor::unitId).orElse(null),
                action, entityType, entityId, summary);
    }

    /**
     * Who is acting here and from where: the signed-in user (or the system), the client address and the request id,
     * for a record made later on, or on another thread, on their behalf ({@link #record(Origin, String, String,
     * String, String)}).
     */
    public Origin origin() {
        var actor = Actors.current();
        return new Origin(actor.map(Actor::username).orElse("system"), actor.map(Actor::unitId).orElse(null),
                clientAddress(), RequestIds.current());
    }

    /**
     * Records an action taken in {@code origin}'s name: for a change a user caused that is written afterwards, such
     * as a row written just before the commit of a transaction whose work ran for several callers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Origin origin, String action, String entityType, String entityId, String summary) {
        write(origin, action, entityType, entityId, summary);
    }

    /** Records an event whose actor is not (yet) signed in, such as a failed login. */
    @Transactional
    public void recordFor(String username, Long unitId, String action, String entityType, String entityId,
                          String summary) {
        write(username, unitId, action, entityType, entityId, summary);
    }

    /**
     * Runs {@code work} with the records it makes on this thread held back and written together when it ends, one
     * statement per {@value #BATCH_ROWS} records — still inside the current transaction, so they commit or roll back
     * with the changes they record, as ever. Each record keeps the actor, moment, client address and request id of
     * its own {@link #record} call. Meant for a batch of changes in one transaction that would otherwise cost a
     * statement per record; {@code work} must not read the audit trail. A nested call joins the outer batch, and a
     * call in a transaction that {@link #batchedUntilCommit holds its records until it commits} joins those. When
     * {@code work} fails, its held records are dropped with it (its transaction rolls back).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T batched(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        Held untilCommit = (Held) TransactionSynchronizationManager.getResource(this);
        if (untilCommit != null && !untilCommit.written) {
            return holding(untilCommit.rows, work);
        }
        List<Row> rows = new ArrayList<>();
        T result = holding(rows, work);
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            insert(rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS)));
        }
        return result;
    }

    /**
     * As {@link #batched}, but the records are written just before the transaction commits, together with those of
     * every {@code batched} call made in it until then — also from the before-commit work of other modules (such as
     * the complaint cases a group of intakes opens at commit), which then costs no statement of its own. Must be
     * called before the transaction begins to commit; the transaction must not read the audit trail afterwards.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T batchedUntilCommit(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        Held untilCommit = (Held) TransactionSynchronizationManager.getResource(this);
        if (untilCommit == null) {
            untilCommit = new Held();
            endWrites.expect();
            TransactionSynchronizationManager.bindResource(this, untilCommit);
            TransactionSynchronizationManager.registerSynchronization(untilCommit);
        }
        return holding(untilCommit.rows, work);
    }

    private <T> T holding(List<Row> rows, Supplier<T> work) {
        held.set(rows);
        try {
            return work.get();
        } finally {
            held.remove();
        }
    }

    /**
     * The records a transaction holds back until it commits; handed to its end writes ({@link CommitWrites}: one round
     * trip with the other modules' end writes) after every other before-commit step (which may add records).
     */
    private final class Held implements TransactionSynchronization {

        private final List<Row> rows = new ArrayList<>();
        /** Handed over: a later {@code batched} call writes its own records. */
        private boolean written;

        @Override
        public int getOrder() {
            return CommitWrites.ORDER - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
                endWrites.add(INSERT_ROWS, columns(rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS))));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }
    }

    private void write(String actor, Long unitId, String action, String entityType, String entityId,
                       String summary) {
        write(new Origin(actor, unitId, clientAddress(), RequestIds.current()), action, entityType, entityId, summary);
    }

    private void write(Origin origin, String action, String entityType, String entityId, String summary) {
        Row row = new Row(Timestamp.from(Instant.now(clock)), truncate(origin.actor(), 100), origin.unitId(), action,
                entityType, entityId, truncate(summary, 2000), origin.client(), origin.requestId());
        List<Row> batch = held.get();
        if (batch != null) {
            batch.add(row);
        } else {
            insert(List.of(row));
        }
    }

    private void insert(List<Row> rows) {
        if (rows.size() == 1) {
            Row row = rows.get(0);
            jdbc.sql("""
                    insert into audit_event (occurred_at, actor, actor_unit_id, action, entity_type, entity_id, summary,
                                             client_address, request_id)
                    values (:at, :actor, :unit, :action, :entityType, :entityId, :summary, :client, :requestId)
                    """).param("at", row.at()).param("actor", row.actor()).param("unit", row.unitId())
                    .param("action", row.action()).param("entityType", row.entityType()).param("entityId", row.entityId())
                    .param("summary", row.summary()).param("client", row.client()).param("requestId", row.requestId())
                    .update();
            return;
        }
        jdbc.sql(INSERT_ROWS).params(columns(rows)).update();
    }

    /**
     * One statement text for any number of records (each column an array, {@link #columns}), so the driver prepares
     * it once.
     */
    private static final String INSERT_ROWS = """
            insert into audit_event (occurred_at, actor, actor_unit_id, action, entity_type, entity_id, summary,
                                     client_address, request_id)
            select * from unnest(cast(:at as timestamptz[]), cast(:actor as varchar[]), cast(:unit as bigint[]),
                                 cast(:action as varchar[]), cast(:entityType as varchar[]),
                                 cast(:entityId as varchar[]), cast(:summary as varchar[]),
                                 cast(:client as varchar[]), cast(:requestId as varchar[]))
            """;

    private static Map<String, Object> columns(List<Row> rows) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("at", rows.stream().map(row -> row.at().toInstant().toString()).toArray(String[]::new));
        columns.put("actor", rows.stream().map(Row::actor).toArray(String[]::new));
        columns.put("unit", rows.stream().map(Row::unitId).toArray(Long[]::new));
        columns.put("action", rows.stream().map(Row::action).toArray(String[]::new));
        columns.put("entityType", rows.stream().map(Row::entityType).toArray(String[]::new));
        columns.put("entityId", rows.stream().map(Row::entityId).toArray(String[]::new));
        columns.put("summary", rows.stream().map(Row::summary).toArray(String[]::new));
        columns.put("client", rows.stream().map(Row::client).toArray(String[]::new));
        columns.put("requestId", rows.stream().map(Row::requestId).toArray(String[]::new));
        return columns;
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The user (or {@code system}) an action is recorded for, with their unit, client address and request id. */
    public record Origin(String actor, Long unitId, String client, String requestId) {
    }

    private record Row(Timestamp at, String actor, Long unitId, String action, String entityType, String entityId,
                       String summary, String client, String requestId) {
    }
}
