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
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.RequestIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what happened. Called inside the transaction of the change it records, so that a change
 * and its audit record are committed — or rolled back — together.
 */
@Service
public class AuditTrail {

    /** Rows of one multi-row insert at most (9 parameters each, well below the protocol's 32,767). */
    static final int BATCH_ROWS = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The records held back by {@link #batched} on this thread, if it runs one. */
    private final ThreadLocal<List<Row>> held = new ThreadLocal<>();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or of the system when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, String summary) {
        var actor = Actors.current();
        write(actor.map(Actor::username).orElse("system"), actor.map(Actor::unitId).orElse(null),
                action, entityType, entityId, summary);
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
     * its own {@link #record} call. Meant for a batch of changes in one transaction (a group of intakes) that would
     * otherwise cost a statement per record; {@code work} must not read the audit trail. A nested call joins the
     * outer batch. When {@code work} fails, its held records are dropped with it (its transaction rolls back).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T batched(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        List<Row> rows = new ArrayList<>();
        held.set(rows);
        T result;
        try {
            result = work.get();
        } finally {
            held.remove();
        }
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            insert(rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS)));
        }
        return result;
    }

    private void write(String actor, Long unitId, String action, String entityType, String entityId,
                       String summary) {
        Row row = new Row(Timestamp.from(Instant.now(clock)), truncate(actor, 100), unitId, action, entityType,
                entityId, truncate(summary, 2000), clientAddress(), RequestIds.current());
        List<Row> batch = held.get();
        if (batch != null) {
            batch.add(row);
        } else {
            insert(List.of(row));
        }
    }

    private void insert(List<Row> rows) {
        StringBuilder sql = new StringBuilder("insert into audit_event (occurred_at, actor, actor_unit_id, action,"
                + " entity_type, entity_id, summary, client_address, request_id) values ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            sql.append(i == 0 ? "(" : ", (").append(":at").append(i).append(", :actor").append(i)
                    .append(", :unit").append(i).append(", :action").append(i).append(", :entityType").append(i)
                    .append(", :entityId").append(i).append(", :summary").append(i).append(", :client").append(i)
                    .append(", :requestId").append(i).append(')');
            params.put("at" + i, row.at());
            params.put("actor" + i, row.actor());
            params.put("unit" + i, row.unitId());
            params.put("action" + i, row.action());
            params.put("entityType" + i, row.entityType());
            params.put("entityId" + i, row.entityId());
            params.put("summary" + i, row.summary());
            params.put("client" + i, row.client());
            params.put("requestId" + i, row.requestId());
        }
        jdbc.sql(sql.toString()).params(params).update();
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

    private record Row(Timestamp at, String actor, Long unitId, String action, String entityType, String entityId,
                       String summary, String client, String requestId) {
    }
}
