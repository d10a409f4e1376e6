package org.gridcare.survey;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRepository {

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * All settings read by ONE statement, so they are one snapshot: read statement by statement, a change
     * committed in between could pair the old sampling rates with the new (emptied) staff list and survey a
     * staff member's own order.
     */
    SurveySettings settings() {
        return jdbc.sql("""
                select s.*,
                       array(select c.contact from survey_staff_contact c order by c.contact) as staff,
                       array(select r.order_type from survey_sampling r order by r.order_type) as rate_types,
                       array(select r.rate from survey_sampling r order by r.order_type) as rate_values
                  from survey_setting s where s.id = 1
                """).query((rs, i) -> {
            List<VisitResult> results = new ArrayList<>();
            for (Object name : (Object[]) rs.getArray("score_results").getArray()) {
                results.add(VisitResult.valueOf((String) name));
            }
            Map<WorkOrderType, BigDecimal> rates = new EnumMap<>(WorkOrderType.class);
            Object[] types = (Object[]) rs.getArray("rate_types").getArray();
            Object[] values = (Object[]) rs.getArray("rate_values").getArray();
            for (int k = 0; k < types.length; k++) {
                rates.put(WorkOrderType.valueOf((String) types[k]), ((BigDecimal) values[k]).stripTrailingZeros());
            }
            List<String> staff = new ArrayList<>();
            for (Object contact : (Object[]) rs.getArray("staff").getArray()) {
                staff.add((String) contact);
            }
            return new SurveySettings(rs.getInt("customer_interval_days"), rs.getInt("link_validity_hours"),
                    List.copyOf(results), Map.copyOf(rates), List.copyOf(staff), rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
        }).single();
    }

    /** Writes all settings; false when someone else saved them first. */
    boolean save(SurveySettings s) {
        int updated = jdbc.sql("""
                update survey_setting set customer_interval_days = :days, link_validity_hours = :hours,
                       score_results = :results::varchar[], updated_by = :by, updated_at = :at, version = version + 1
                 where id = 1 and version = :version
                """).param("days", s.customerIntervalDays()).param("hours", s.linkValidityHours())
                .param("results", s.scoreResults().stream().map(Enum::name).toArray(String[]::new))
                .param("by", s.updatedBy()).param("at", Timestamp.from(s.updatedAt())).param("version", s.version())
                .update();
        if (updated != 1) {
            return false;
        }
        s.samplingRates().forEach((type, rate) -> jdbc.sql("""
                insert into survey_sampling (order_type, rate) values (:t, :r)
                on conflict (order_type) do update set rate = excluded.rate
                """).param("t", type.name()).param("r", rate).update());
        jdbc.sql("delete from survey_staff_contact").update();
        for (String contact : s.staffContacts()) {
            jdbc.sql("insert into survey_staff_contact (contact) values (:c) on conflict do nothing").param("c", contact)
                    .update();
        }
        return true;
    }

    boolean surveyedSince(String customerNumber, String phone, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from survey_link where issued_at >= :since
                                  and ((:customer::varchar is not null and customer_number = :customer)
                                       or phone = :phone))
                """).param("since", Timestamp.from(since)).param("customer", customerNumber).param("phone", phone)
                .query(Boolean.class).single();
    }

    long insertLink(Link link) {
        return jdbc.sql("""
                insert into survey_link (order_id, order_number, order_type, unit_id, customer_number, phone, nonce,
                                         issued_at, expires_at)
                values (:order, :number, :type, :unit, :customer, :phone, :nonce, :issued, :expires) returning id
                """).param("order", link.orderId()).param("number", link.orderNumber())
                .param("type", link.orderType().name()).param("unit", link.unitId())
                .param("customer", link.customerNumber()).param("phone", link.phone()).param("nonce", link.nonce())
                .param("issued", Timestamp.from(link.issuedAt())).param("expires", Timestamp.from(link.expiresAt()))
                .query(Long.class).single();
    }

    void insertMessage(long linkId, long unitId, String orderNumber, String phone, String body, Instant at) {
        jdbc.sql("""
                insert into survey_message (link_id, unit_id, order_number, phone, body, created_at)
                values (:link, :unit, :number, :phone, :body, :at)
                """).param("link", linkId).param("unit", unitId).param("number", orderNumber).param("phone", phone)
                .param("body", body).param("at", Timestamp.from(at)).update();
    }

    Optional<Link> link(long id) {
        return jdbc.sql("select * from survey_link where id = :id").param("id", id).query(SurveyRepository::link)
                .optional();
    }

    /** Marks the link used; false when it already was (a second, concurrent submission). */
    boolean use(long id, int score, Instant at) {
        return jdbc.sql("update survey_link set used_at = :at, score = :score where id = :id and used_at is null")
                .param("at", Timestamp.from(at)).param("score", score).param("id", id).update() == 1;
    }

    PageResult<Message> messages(DataScope scope, PageQuery page) {
        List<Message> items = jdbc.sql("""
                select m.*, l.expires_at, l.used_at, l.score from survey_message m join survey_link l on l.id = m.link_id
                 where (:all or m.unit_id = any(:units))
                 order by m.created_at desc, m.id desc limit :limit offset :offset
                """).param("all", scope.all()).param("units", scope.unitIdArray()).param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> new Message(rs.getLong("id"), rs.getString("order_number"), rs.getString("phone"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs, "used_at"), score(rs)))
                .list();
        long total = jdbc.sql("select count(*) from survey_message where (:all or unit_id = any(:units))")
                .param("all", scope.all()).param("units", scope.unitIdArray()).query(Long.class).single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** A link as stored. */
    record Link(Long id, long orderId, String orderNumber, WorkOrderType orderType, long unitId, String customerNumber,
                String phone, String nonce, Instant issuedAt, Instant expiresAt, Instant usedAt, Integer score) {
    }

    /** An outbox message with the state of its link. */
    record Message(long id, String orderNumber, String phone, String body, Instant createdAt, Instant expiresAt,
                   Instant usedAt, Integer score) {
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
                WorkOrderType.valueOf(rs.getString("order_type")), rs.getLong("unit_id"),
                rs.getString("customer_number"), rs.getString("phone"), rs.getString("nonce"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                instant(rs, "used_at"), score(rs));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer score(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        return rs.wasNull() ? null : score;
    }
}
