package org.gridcare.audit;

import java.time.Clock;
import java.time.Instant;

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

    private final JdbcClient jdbc;
    private final Clock clock;

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

    private void write(String actor, Long unitId, String action, String entityType, String entityId,
                       String summary) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, actor_unit_id, action, entity_type, entity_id,
                                         summary, client_address, request_id)
                values (:at, :actor, :unit, :action, :entityType, :entityId, :summary, :client, :requestId)
                """)
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .param("actor", truncate(actor, 100))
                .param("unit", unitId)
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("summary", truncate(summary, 2000))
                .param("client", clientAddress())
                .param("requestId", RequestIds.current())
                .update();
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
}
