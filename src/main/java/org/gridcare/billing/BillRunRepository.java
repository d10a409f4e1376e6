package org.gridcare.billing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BillRunRepository {

    private final JdbcClient jdbc;

    BillRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(YearMonth month, String requestedBy, long unitId, DataScope scope, Instant now) {
        return jdbc.sql("""
                insert into bill_run (month, status, requested_by, unit_id, scope_all, scope_units, created_at, heartbeat_at)
                values (:month, 'QUEUED', :by, :unit, :all, :units, :now, :now) returning id
                """).param("month", Date.valueOf(month.atDay(1))).param("by", requestedBy).param("unit", unitId)
                .param("all", scope.all()).param("units", scope.unitIdArray()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    record Scope(YearMonth month, String requestedBy, long unitId, DataScope scope) {
    }

    Scope scopeOf(long id) {
        return jdbc.sql("select month, requested_by, unit_id, scope_all, scope_units from bill_run where id = :id")
                .param("id", id).query((rs, n) -> new Scope(YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getString("requested_by"), rs.getLong("unit_id"), new DataScope(rs.getBoolean("scope_all"),
                        Arrays.stream((Long[]) rs.getArray("scope_units").getArray()).collect(Collectors.toSet()))))
                .single();
    }

    void started(long id, Instant now) {
        jdbc.sql("update bill_run set status = 'RUNNING', started_at = :now, heartbeat_at = :now where id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    void progress(long id, int seen, int written, int[] skipped, Instant now) {
        jdbc.sql("""
                update bill_run set customers_seen = customers_seen + :seen, bills_written = bills_written + :written,
                       skipped_no_tariff = skipped_no_tariff + :s0, skipped_unknown_tariff = skipped_unknown_tariff + :s1,
                       skipped_no_readings = skipped_no_readings + :s2, skipped_invalid = skipped_invalid + :s3,
                       heartbeat_at = :now
                 where id = :id
                """).param("id", id).param("now", Timestamp.from(now)).param("seen", seen).param("written", written).param("s0", skipped[0])
                .param("s1", skipped[1]).param("s2", skipped[2]).param("s3", skipped[3]).update();
    }

    int skipCount(long id) {
        return jdbc.sql("select count(*) from bill_run_skip where run_id = :id").param("id", id).query(Integer.class).single();
    }

    void skips(long id, List<BillMaker.Skipped> skipped) {
        for (BillMaker.Skipped s : skipped) {
            jdbc.sql("""
                    insert into bill_run_skip (run_id, customer_number, reason, field, code)
                    values (:id, :customer, :reason, :field, :code) on conflict do nothing
                    """).param("id", id).param("customer", s.customerNumber()).param("reason", s.reason())
                    .param("field", s.field()).param("code", s.code()).update();
        }
    }

    void heartbeat(Set<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update bill_run set heartbeat_at = :now where id = any(:ids) and status in ('QUEUED', 'RUNNING')")
                    .param("ids", ids.toArray(Long[]::new)).param("now", Timestamp.from(now)).update();
        }
    }

    void finished(long id, String status, String failure, Instant now) {
        jdbc.sql("update bill_run set status = :status, failure = :failure, finished_at = :now where id = :id")
                .param("id", id).param("status", status).param("failure", failure).param("now", Timestamp.from(now))
                .update();
    }

    /** Open runs of other instances that have not reported since {@code before}. */
    List<Long> stale(Set<Long> mine, Instant before) {
        return jdbc.sql("""
                select id from bill_run where status in ('QUEUED', 'RUNNING') and not (id = any(:mine))
                   and heartbeat_at < :before
                """).param("mine", mine.toArray(Long[]::new)).param("before", Timestamp.from(before))
                .query(Long.class).list();
    }

    Optional<BillRun> find(long id) {
        return jdbc.sql("select * from bill_run where id = :id").param("id", id).query(BillRunRepository::map).optional();
    }

    List<BillRun> recent(DataScope scope, int limit) {
        return jdbc.sql("select * from bill_run where (:all or unit_id = any(:units)) order by created_at desc limit :limit")
                .param("all", scope.all()).param("units", scope.unitIdArray()).param("limit", limit)
                .query(BillRunRepository::map).list();
    }

    long unitOf(long id) {
        return jdbc.sql("select unit_id from bill_run where id = :id").param("id", id).query(Long.class).single();
    }

    record Skip(String customerNumber, String reason, String field, String code) {
    }

    List<Skip> skipsOf(long id, int limit) {
        return jdbc.sql("select customer_number, reason, field, code from bill_run_skip where run_id = :id "
                        + "order by customer_number limit :limit").param("id", id).param("limit", limit)
                .query((rs, n) -> new Skip(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static BillRun map(ResultSet rs, int n) throws SQLException {
        return new BillRun(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("status"),
                rs.getString("requested_by"), rs.getInt("customers_seen"), rs.getInt("bills_written"),
                rs.getInt("skipped_no_tariff"), rs.getInt("skipped_unknown_tariff"), rs.getInt("skipped_no_readings"),
                rs.getInt("skipped_invalid"), rs.getString("failure"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
