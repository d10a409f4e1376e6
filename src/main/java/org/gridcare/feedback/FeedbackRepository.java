package org.gridcare.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FeedbackRepository {

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Feedback f) {
        return jdbc.sql("""
                insert into feedback (channel, category, sentiment, status, unit_id, unit_code, customer_number,
                    staff_username, contact_name, contact_phone, description, due_at, created_by, created_at,
                    updated_at)
                values (:channel, :category, :sentiment, :status, :unit, :unitCode, :customer, :staff, :name, :phone,
                    :description, :due, :by, :at, :at)
                returning id
                """).param("channel", f.channel().name()).param("category", f.category().name())
                .param("sentiment", f.sentiment().name()).param("status", f.status().name())
                .param("unit", f.unitId()).param("unitCode", f.unitCode()).param("customer", f.customerNumber())
                .param("staff", f.staffUsername()).param("name", f.contactName()).param("phone", f.contactPhone())
                .param("description", f.description()).param("due", ts(f.dueAt())).param("by", f.createdBy())
                .param("at", ts(f.createdAt())).query(Long.class).single();
    }

    boolean update(Feedback f) {
        return jdbc.sql("""
                update feedback set status = :status, response_text = :response, responded_at = :responded,
                       closed_at = :closed, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("status", f.status().name()).param("response", f.responseText())
                .param("responded", ts(f.respondedAt())).param("closed", ts(f.closedAt()))
                .param("at", ts(f.updatedAt())).param("id", f.id()).param("version", f.version()).update() == 1;
    }

    void insertEvent(long id, Instant at, String actor, Feedback.Move move) {
        jdbc.sql("""
                insert into feedback_event (feedback_id, occurred_at, actor, action, from_status, to_status, reason)
                values (:id, :at, :actor, :action, :from, :to, :reason)
                """).param("id", id).param("at", ts(at)).param("actor", actor).param("action", move.action() == null
                        ? "CREATE" : move.action().name())
                .param("from", move.from() == null ? null : move.from().name()).param("to", move.to().name())
                .param("reason", move.reason()).update();
    }

    List<FeedbackView.Event> history(long id) {
        return jdbc.sql("select * from feedback_event where feedback_id = :id order by id").param("id", id)
                .query((rs, i) -> new FeedbackView.Event(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"),
                        rs.getString("from_status") == null ? null : FeedbackStatus.valueOf(rs.getString("from_status")),
                        FeedbackStatus.valueOf(rs.getString("to_status")), rs.getString("reason")))
                .list();
    }

    Optional<Feedback> find(long id, DataScope scope) {
        return jdbc.sql("select * from feedback where id = :id and (:all or unit_id = any(:units))").param("id", id)
                .param("all", scope.all()).param("units", scope.unitIdArray()).query(FeedbackRepository::map)
                .optional();
    }

    /** The list filters; {@code overdue}: still awaiting a response past its due time. */
    record Filter(FeedbackStatus status, FeedbackChannel channel, FeedbackCategory category, Sentiment sentiment,
                  Long unitId, Boolean overdue, Instant createdFrom, Instant createdTo) {
    }

    PageResult<Feedback> find(Filter f, DataScope scope, PageQuery page, Instant now) {
        StringBuilder where = new StringBuilder(" where (:all or unit_id = any(:units))");
        Map<String, Object> params = new HashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        if (f.status() != null) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.category() != null) {
            where.append(" and category = :category");
            params.put("category", f.category().name());
        }
        if (f.sentiment() != null) {
            where.append(" and sentiment = :sentiment");
            params.put("sentiment", f.sentiment().name());
        }
        if (f.unitId() != null) {
            where.append(" and unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" and status in ('NEW', 'IN_HANDLING') and due_at < :now");
            params.put("now", ts(now));
        }
        if (f.createdFrom() != null) {
            where.append(" and created_at >= :from");
            params.put("from", ts(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            where.append(" and created_at < :to");
            params.put("to", ts(f.createdTo()));
        }
        List<Feedback> items = jdbc.sql("select * from feedback" + where + " order by " + page.orderBy()
                        + ", id desc limit :limit offset :offset").params(params).param("limit", page.size())
                .param("offset", page.offset()).query(FeedbackRepository::map).list();
        long total = jdbc.sql("select count(*) from feedback" + where).params(params).query(Long.class).single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(rs.getLong("id"), FeedbackChannel.valueOf(rs.getString("channel")),
                FeedbackCategory.valueOf(rs.getString("category")), Sentiment.valueOf(rs.getString("sentiment")),
                FeedbackStatus.valueOf(rs.getString("status")), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("customer_number"), rs.getString("staff_username"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("description"), rs.getString("response_text"),
                instant(rs, "due_at"), instant(rs, "responded_at"), instant(rs, "closed_at"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
