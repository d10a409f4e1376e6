package org.gridcare.incentive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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
class IncentiveRepository {

    private final JdbcClient jdbc;

    IncentiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IncentiveRule> rules() {
        return jdbc.sql("select * from incentive_rule order by cause_type").query(IncentiveRepository::rule).list();
    }

    Optional<IncentiveRule> rule(CauseType type) {
        return jdbc.sql("select * from incentive_rule where cause_type = :type").param("type", type.name())
                .query(IncentiveRepository::rule).optional();
    }

    boolean changeRule(CauseType type, int points, BigDecimal amount, boolean auto, int version, String by,
                       Instant at) {
        return jdbc.sql("""
                update incentive_rule set points = :points, amount = :amount, auto_propose = :auto, updated_by = :by,
                       updated_at = :at, version = version + 1
                 where cause_type = :type and version = :version
                """).param("points", points).param("amount", amount).param("auto", auto).param("by", by)
                .param("at", ts(at)).param("type", type.name()).param("version", version).update() == 1;
    }

    /** One row: the id, or empty when an active record of the same cause and staff exists already. */
    Optional<Long> insert(String staff, long unitId, CauseType type, String ref, int points, BigDecimal amount,
                          String note, Instant occurredAt, String by, Instant at) {
        return jdbc.sql("""
                insert into incentive_record (staff_username, unit_id, cause_type, cause_ref, points, amount, note,
                    status, occurred_at, proposed_by, proposed_at)
                values (:staff, :unit, :type, :ref, :points, :amount, :note, 'PROPOSED', :occurred, :by, :at)
                on conflict (cause_type, cause_ref, staff_username) where status in ('PROPOSED', 'APPROVED')
                do nothing
                returning id
                """).param("staff", staff).param("unit", unitId).param("type", type.name()).param("ref", ref)
                .param("points", points).param("amount", amount).param("note", note).param("occurred", ts(occurredAt))
                .param("by", by).param("at", ts(at)).query(Long.class).optional();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("select * from incentive_record where id = :id for update").param("id", id)
                .query(IncentiveRepository::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from incentive_record where id = :id").param("id", id)
                .query(IncentiveRepository::row).optional();
    }

    /** The active (proposed or approved) records of a cause reference prefix, e.g. one inspection's. */
    List<Row> activeOfCause(String ref) {
        return jdbc.sql("""
                select * from incentive_record where cause_ref = :ref and status in ('PROPOSED', 'APPROVED')
                """).param("ref", ref).query(IncentiveRepository::row).list();
    }

    boolean decide(long id, int version, IncentiveStatus status, String by, String note, Instant at) {
        return jdbc.sql("""
                update incentive_record set status = :status, decided_by = :by, decided_at = :at,
                       decision_note = :note, version = version + 1
                 where id = :id and version = :version and status = 'PROPOSED'
                """).param("status", status.name()).param("by", by).param("at", ts(at)).param("note", note)
                .param("id", id).param("version", version).update() == 1;
    }

    /** The list filters. */
    record Filter(IncentiveStatus status, CauseType causeType, String staff, Instant from, Instant to) {
    }

    PageResult<Row> find(Filter f, DataScope scope, String onlyStaff, PageQuery page) {
        StringBuilder where = new StringBuilder(" where (:all or unit_id = any(:units))");
        Map<String, Object> params = new HashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        if (onlyStaff != null) {
            where.append(" and staff_username = :me");
            params.put("me", onlyStaff);
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.causeType() != null) {
            where.append(" and cause_type = :type");
            params.put("type", f.causeType().name());
        }
        if (f.staff() != null) {
            where.append(" and staff_username = :staff");
            params.put("staff", f.staff());
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", ts(f.from()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", ts(f.to()));
        }
        List<Row> items = jdbc.sql("select * from incentive_record" + where + " order by " + page.orderBy()
                        + ", id desc limit :limit offset :offset").params(params).param("limit", page.size())
                .param("offset", page.offset()).query(IncentiveRepository::row).list();
        long total = jdbc.sql("select count(*) from incentive_record" + where).params(params).query(Long.class)
                .single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    List<Row> ofStaff(String staff, Instant from, Instant to) {
        return jdbc.sql("""
                select * from incentive_record
                 where staff_username = :staff and occurred_at >= :from and occurred_at < :to
                 order by occurred_at, id
                """).param("staff", staff).param("from", ts(from)).param("to", ts(to))
                .query(IncentiveRepository::row).list();
    }

    List<Ledger.Totals> totals(Collection<String> staff, Instant from, Instant to) {
        return totals(staff, from, to, null);
    }

    /** The approved totals per staff member, of one cause type when {@code cause} is given. */
    List<Ledger.Totals> totals(Collection<String> staff, Instant from, Instant to, CauseType cause) {
        return jdbc.sql("""
                select staff_username, coalesce(sum(points), 0) as points, coalesce(sum(amount), 0) as amount,
                       count(*) as records
                  from incentive_record
                 where status = 'APPROVED' and staff_username = any(:staff) and occurred_at >= :from
                   and occurred_at < :to and (cast(:cause as varchar) is null or cause_type = :cause)
                 group by staff_username order by staff_username
                """).param("staff", staff.toArray(String[]::new)).param("from", ts(from)).param("to", ts(to))
                .param("cause", cause == null ? null : cause.name())
                .query((rs, i) -> new Ledger.Totals(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3),
                        rs.getInt(4))).list();
    }

    /** An order as the work order module's reporting view shows it. */
    record OrderFacts(long id, String number, String type, long unitId, String handler, String createdBy) {
    }

    Optional<OrderFacts> order(long orderId) {
        return jdbc.sql("""
                select order_id, number, type, unit_id, handler, created_by from wo_kpi_source where order_id = :id
                """).param("id", orderId).query((rs, i) -> new OrderFacts(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6))).optional();
    }

    /** A stored record: the view's fields plus the unit id. */
    record Row(long id, String staff, long unitId, CauseType causeType, String causeRef, int points,
               BigDecimal amount, String note, IncentiveStatus status, Instant occurredAt, String proposedBy,
               Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote, int version) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("staff_username"), rs.getLong("unit_id"),
                CauseType.valueOf(rs.getString("cause_type")), rs.getString("cause_ref"), rs.getInt("points"),
                rs.getBigDecimal("amount"), rs.getString("note"), IncentiveStatus.valueOf(rs.getString("status")),
                instant(rs, "occurred_at"), rs.getString("proposed_by"), instant(rs, "proposed_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_note"),
                rs.getInt("version"));
    }

    private static IncentiveRule rule(ResultSet rs, int i) throws SQLException {
        return new IncentiveRule(CauseType.valueOf(rs.getString("cause_type")), rs.getInt("points"),
                rs.getBigDecimal("amount"), rs.getBoolean("auto_propose"), rs.getString("description"),
                rs.getString("description_en"), rs.getString("updated_by"), instant(rs, "updated_at"),
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
