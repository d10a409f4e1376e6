package org.gridcare.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridcare.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console inbox. A notice goes to the order's handler (when it has one) and to the supervisors of the
 * responsible unit; the latter share one row per unit, so one supervisor reading it marks it read for all.
 */
@Component
class NotificationInbox {

    static final String INBOX_WHERE = "(recipient_username = :me or (:supervisor and recipient_unit_id = :unit))";

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells the handler and the unit's supervisors. */
    void notify(WorkOrder order, String kind, String detail) {
        notifyHandler(order, kind, detail);
        insert(order, null, order.unitId(), kind, detail);
    }

    /** Tells the handler only (a new order in their queue is no news for the supervisors). */
    void notifyHandler(WorkOrder order, String kind, String detail) {
        if (order.handler() != null) {
            insert(order, order.handler(), null, kind, detail);
        }
    }

    private void insert(WorkOrder order, String username, Long unitId, String kind, String detail) {
        jdbc.sql("""
                insert into work_order_notification (order_id, order_number, recipient_username, recipient_unit_id,
                                                     kind, detail, created_at)
                values (:o, :n, :u, :unit, :kind, :detail, :at)
                """).param("o", order.id().value()).param("n", order.number()).param("u", username)
                .param("unit", unitId).param("kind", kind)
                .param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .param("at", Timestamp.from(Instant.now(clock))).update();
    }

    @Transactional(readOnly = true)
    List<Notification> latest(Actor actor, int limit) {
        return jdbc.sql("select * from work_order_notification where " + INBOX_WHERE
                        + " order by created_at desc, id desc limit :limit")
                .param("me", actor.username()).param("supervisor", actor.hasRole("SUPERVISOR"))
                .param("unit", actor.unitId()).param("limit", limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("order_number"), rs.getString("kind"),
                        rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    @Transactional(readOnly = true)
    long unread(Actor actor) {
        return jdbc.sql("select count(*) from work_order_notification where read_at is null and " + INBOX_WHERE)
                .param("me", actor.username()).param("supervisor", actor.hasRole("SUPERVISOR"))
                .param("unit", actor.unitId()).query(Long.class).single();
    }

    @Transactional
    void markAllRead(Actor actor) {
        jdbc.sql("update work_order_notification set read_at = :at where read_at is null and " + INBOX_WHERE)
                .param("at", Timestamp.from(Instant.now(clock))).param("me", actor.username())
                .param("supervisor", actor.hasRole("SUPERVISOR")).param("unit", actor.unitId()).update();
    }
}
