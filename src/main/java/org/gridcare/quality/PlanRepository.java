package org.gridcare.quality;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.gridcare.quality.RubricRepository.instant;
import static org.gridcare.quality.RubricRepository.ts;

@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The closed orders of a period in some units not inspected yet, from the work order and SLA modules'
     * reporting views: whose work (handler, else taker), complaint, dissatisfied visit, breach.
     */
    List<Sampling.Candidate> candidates(Instant from, Instant to, Long[] unitIds) {
        return jdbc.sql("""
                select w.order_id, w.number, w.type, w.unit_id, coalesce(w.handler, w.created_by) as staff,
                       w.created_by, w.type = 'COMPLAINT' as complaint,
                       coalesce(w.visit_result = 'DISSATISFIED', false) as dissatisfied,
                       coalesce(s.breached, false) as breached, w.closed_at
                  from wo_kpi_source w
                  left join lateral (select o.breached from sla_order_outcome o where o.order_id = w.order_id) s on true
                 where w.status = 'CLOSED' and w.closed_at >= :from and w.closed_at < :to and w.unit_id = any(:units)
                   and not exists (select 1 from quality_inspection q where q.order_id = w.order_id)
                 order by w.order_id
                """).param("from", ts(from)).param("to", ts(to)).param("units", unitIds)
                .query((rs, i) -> new Sampling.Candidate(rs.getLong("order_id"), rs.getString("number"),
                        rs.getString("type"), rs.getLong("unit_id"), rs.getString("staff"), rs.getString("created_by"),
                        rs.getBoolean("complaint"), rs.getBoolean("dissatisfied"), rs.getBoolean("breached"),
                        instant(rs, "closed_at"))).list();
    }

    /** Serialises plan creation per month and unit (the unique key then answers the loser). */
    void lock(LocalDate month, long unitId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('quality_plan:' || :month || ':' || :unit))")
                .param("month", month.toString()).param("unit", unitId).query(Object.class).single();
    }

    boolean exists(LocalDate month, long unitId) {
        return jdbc.sql("select exists (select 1 from quality_plan where month = :month and unit_id = :unit)")
                .param("month", month).param("unit", unitId).query(Boolean.class).single();
    }

    long insert(PlanView p, LocalDate month, long unitId) {
        return jdbc.sql("""
                insert into quality_plan (month, unit_id, unit_code, sample_percent, min_per_staff, seed, assignment,
                    exclude_own_unit, target_complaints, target_dissatisfied, target_breaches, population, sampled,
                    targeted, unassigned, created_by, created_at)
                values (:month, :unit, :code, :percent, :min, :seed, :assignment, :exclude, :complaints,
                    :dissatisfied, :breaches, :population, :sampled, :targeted, :unassigned, :by, :at)
                returning id
                """).param("month", month).param("unit", unitId).param("code", p.unitCode())
                .param("percent", p.samplePercent()).param("min", p.minPerStaff()).param("seed", p.seed())
                .param("assignment", p.assignment().name()).param("exclude", p.excludeOwnUnit())
                .param("complaints", p.targetComplaints()).param("dissatisfied", p.targetDissatisfied())
                .param("breaches", p.targetBreaches()).param("population", p.population())
                .param("sampled", p.sampled()).param("targeted", p.targeted()).param("unassigned", p.unassigned())
                .param("by", p.createdBy()).param("at", ts(p.createdAt())).query(Long.class).single();
    }

    Optional<PlanView> find(long id, DataScope scope) {
        return jdbc.sql("select * from quality_plan where id = :id and (:all or unit_id = any(:units))")
                .param("id", id).param("all", scope.all()).param("units", scope.unitIdArray())
                .query(PlanRepository::map).optional();
    }

    List<PlanView> list(DataScope scope, int limit) {
        return jdbc.sql("""
                select * from quality_plan where (:all or unit_id = any(:units)) order by month desc, id desc limit :limit
                """).param("all", scope.all()).param("units", scope.unitIdArray()).param("limit", limit)
                .query(PlanRepository::map).list();
    }

    private static PlanView map(ResultSet rs, int row) throws SQLException {
        return new PlanView(rs.getLong("id"), rs.getDate("month").toLocalDate().toString().substring(0, 7),
                rs.getString("unit_code"), rs.getBigDecimal("sample_percent"), rs.getInt("min_per_staff"),
                rs.getLong("seed"), AssignmentMode.valueOf(rs.getString("assignment")),
                rs.getBoolean("exclude_own_unit"), rs.getBoolean("target_complaints"),
                rs.getBoolean("target_dissatisfied"), rs.getBoolean("target_breaches"), rs.getInt("population"),
                rs.getInt("sampled"), rs.getInt("targeted"), rs.getInt("unassigned"), rs.getString("created_by"),
                instant(rs, "created_at"), null);
    }

}
