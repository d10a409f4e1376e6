package org.gridcare.workorder;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gridcare.organisation.DataScope;
import org.gridcare.workorder.ReturnVisitRecorded.VisitSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.gridcare.workorder.WorkOrderRepository.ts;

/** Return-visit attempts (work_order_visit) and the per-type visit settings (work_order_visit_setting). */
@Repository
class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReturnVisitSetting> settings() {
        return jdbc.sql("select * from work_order_visit_setting order by order_type")
                .query(VisitRepository::setting).list();
    }

    Optional<ReturnVisitSetting> setting(WorkOrderType type) {
        return jdbc.sql("select * from work_order_visit_setting where order_type = :t").param("t", type.name())
                .query(VisitRepository::setting).optional();
    }

    boolean update(ReturnVisitSetting s) {
        return jdbc.sql("""
                update work_order_visit_setting set visit_needed = :needed, max_attempts = :max,
                       dissatisfied_action = :action, updated_by = :by, updated_at = :at, version = version + 1
                 where order_type = :type and version = :version
                """).param("needed", s.visitNeeded()).param("max", s.maxAttempts())
                .param("action", s.dissatisfiedAction().name()).param("by", s.updatedBy())
                .param("at", ts(s.updatedAt())).param("type", s.type().name()).param("version", s.version())
                .update() == 1;
    }

    /** The number the next attempt on the order gets (attempts are numbered per order, across reopenings). */
    int nextAttempt(long orderId) {
        return jdbc.sql("select coalesce(max(attempt), 0) + 1 from work_order_visit where order_id = :o")
                .param("o", orderId).query(Integer.class).single();
    }

    /** Unreachable attempts since the last attempt that ended a visit: the tries of the visit now running. */
    int openAttempts(long orderId) {
        return jdbc.sql("""
                select count(*) from work_order_visit
                 where order_id = :o
                   and attempt > coalesce((select max(attempt) from work_order_visit where order_id = :o and final), 0)
                """).param("o", orderId).query(Integer.class).single();
    }

    void insert(long orderId, VisitAttempt a) {
        jdbc.sql("""
                insert into work_order_visit (order_id, attempt, result, aspects, comment, score, source, final,
                                              visitor, visited_at)
                values (:o, :attempt, :result, :aspects::varchar[], :comment, :score, :source, :final, :visitor, :at)
                """).param("o", orderId).param("attempt", a.attempt()).param("result", a.result().name())
                .param("aspects", a.aspects().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("comment", a.comment()).param("score", a.score()).param("source", a.source().name())
                .param("final", a.finalVisit()).param("visitor", a.visitor()).param("at", ts(a.at())).update();
    }

    List<VisitAttempt> attempts(long orderId) {
        return jdbc.sql("select * from work_order_visit where order_id = :o order by attempt").param("o", orderId)
                .query(VisitRepository::attempt).list();
    }

    /**
     * Reviewed orders of the given types within the scope, oldest first, with the tries of the visit now
     * running; at most {@code limit}.
     */
    List<Awaiting> awaiting(Set<WorkOrderType> types, DataScope scope, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select o.*, (select count(*) from work_order_visit v
                              where v.order_id = o.id
                                and v.attempt > coalesce((select max(f.attempt) from work_order_visit f
                                                           where f.order_id = o.id and f.final), 0)) as tries
                  from work_order o
                 where o.status = 'REVIEWED' and o.type = any(:types) and (:all or o.unit_id = any(:units))
                 order by o.updated_at, o.id limit :limit
                """).param("types", types.stream().map(Enum::name).toArray(String[]::new))
                .param("all", scope.all()).param("units", scope.unitIdArray()).param("limit", limit)
                .query((rs, i) -> new Awaiting(WorkOrderRepository.map(rs, i), rs.getInt("tries"))).list();
    }

    record Awaiting(WorkOrder order, int tries) {
    }

    private static ReturnVisitSetting setting(ResultSet rs, int row) throws SQLException {
        return new ReturnVisitSetting(WorkOrderType.valueOf(rs.getString("order_type")), rs.getBoolean("visit_needed"),
                rs.getBoolean("visit_mandatory"), rs.getInt("max_attempts"),
                DissatisfiedAction.valueOf(rs.getString("dissatisfied_action")), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static VisitAttempt attempt(ResultSet rs, int row) throws SQLException {
        Set<VisitAspect> aspects = EnumSet.noneOf(VisitAspect.class);
        Array array = rs.getArray("aspects");
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                aspects.add(VisitAspect.valueOf((String) name));
            }
        }
        int score = rs.getInt("score");
        Integer scoreOrNull = rs.wasNull() ? null : score;
        return new VisitAttempt(rs.getInt("attempt"), VisitResult.valueOf(rs.getString("result")), Set.copyOf(aspects),
                rs.getString("comment"), scoreOrNull, VisitSource.valueOf(rs.getString("source")),
                rs.getBoolean("final"), rs.getString("visitor"), rs.getTimestamp("visited_at").toInstant());
    }
}
