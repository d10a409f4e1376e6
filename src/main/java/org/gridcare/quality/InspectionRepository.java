package org.gridcare.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.gridcare.quality.RubricRepository.instant;
import static org.gridcare.quality.RubricRepository.ts;

@Repository
class InspectionRepository {

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Inspection.New n, String by, Instant at) {
        return jdbc.sql("""
                insert into quality_inspection (kind, plan_id, order_id, order_number, order_type, unit_id,
                    staff_username, taken_by, reasons, subject_ref, occurred_at, inspector, rubric_version_id, status,
                    created_by, created_at, updated_at)
                values (:kind, :plan, :order, :number, :type, :unit, :staff, :takenBy, :reasons, :subject, :occurred,
                    :inspector, :rubric, 'PENDING', :by, :at, :at)
                returning id
                """).param("kind", n.kind().name()).param("plan", n.planId()).param("order", n.orderId())
                .param("number", n.orderNumber()).param("type", n.orderType()).param("unit", n.unitId())
                .param("staff", n.staff()).param("takenBy", n.takenBy()).param("reasons", String.join(",", n.reasons()))
                .param("subject", n.subjectRef()).param("occurred", ts(n.occurredAt()))
                .param("inspector", n.inspector()).param("rubric", n.rubricVersionId()).param("by", by)
                .param("at", ts(at)).query(Long.class).single();
    }

    Optional<Inspection> lock(long id) {
        return jdbc.sql("select * from quality_inspection where id = :id for update").param("id", id)
                .query(InspectionRepository::map).optional();
    }

    Optional<Inspection> find(long id) {
        return jdbc.sql("select * from quality_inspection where id = :id").param("id", id)
                .query(InspectionRepository::map).optional();
    }

    List<Inspection.StoredFinding> findings(long id) {
        return jdbc.sql("select * from quality_finding where inspection_id = :id order by id").param("id", id)
                .query((rs, i) -> new Inspection.StoredFinding(rs.getLong("id"), rs.getLong("item_id"),
                        FindingResult.valueOf(rs.getString("result")), rs.getString("comment"),
                        rs.getBoolean("appealed"), rs.getString("appeal_outcome") == null ? null
                                : AppealOutcome.valueOf(rs.getString("appeal_outcome")))).list();
    }

    void insertFinding(long inspectionId, long itemId, FindingResult result, String comment) {
        jdbc.sql("""
                insert into quality_finding (inspection_id, item_id, result, comment)
                values (:inspection, :item, :result, :comment)
                """).param("inspection", inspectionId).param("item", itemId).param("result", result.name())
                .param("comment", comment).update();
    }

    void markAppealed(long findingId) {
        jdbc.sql("update quality_finding set appealed = true where id = :id").param("id", findingId).update();
    }

    void decideFinding(long findingId, AppealOutcome outcome) {
        jdbc.sql("update quality_finding set appeal_outcome = :outcome where id = :id")
                .param("outcome", outcome.name()).param("id", findingId).update();
    }

    boolean scored(long id, int version, Scorecard card, String comment, Instant at, Instant appealDue) {
        return jdbc.sql("""
                update quality_inspection set status = 'SCORED', earned_points = :earned, max_points = :max,
                       score = :score, error = :error, serious = :serious, comment = :comment, scored_at = :at,
                       appeal_due_at = :due, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("earned", card.earned()).param("max", card.max()).param("score", card.score())
                .param("error", card.error()).param("serious", card.serious()).param("comment", comment)
                .param("at", ts(at)).param("due", ts(appealDue)).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean appealed(long id, int version, String reason, Instant at) {
        return jdbc.sql("""
                update quality_inspection set status = 'APPEALED', appeal_reason = :reason, appealed_at = :at,
                       updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("reason", reason).param("at", ts(at)).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean decided(long id, int version, Scorecard card, String by, String note, Instant at) {
        return jdbc.sql("""
                update quality_inspection set status = 'DECIDED', earned_points = :earned, max_points = :max,
                       score = :score, error = :error, serious = :serious, decided_by = :by, decided_at = :at,
                       decision_note = :note, updated_at = :at, version = version + 1
                 where id = :id and version = :version
                """).param("earned", card.earned()).param("max", card.max()).param("score", card.score())
                .param("error", card.error()).param("serious", card.serious()).param("by", by)
                .param("note", note).param("at", ts(at)).param("id", id).param("version", version).update() == 1;
    }

    boolean assign(long id, int version, String inspector, Instant at) {
        return jdbc.sql("""
                update quality_inspection set inspector = :inspector, updated_at = :at, version = version + 1
                 where id = :id and version = :version and status = 'PENDING'
                """).param("inspector", inspector).param("at", ts(at)).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Open (PENDING) inspections per inspector. */
    Map<String, Integer> openLoad() {
        Map<String, Integer> load = new HashMap<>();
        jdbc.sql("select inspector, count(*) from quality_inspection where status = 'PENDING' and inspector is not null group by 1")
                .query((ResultSet rs) -> {
                    load.put(rs.getString(1), rs.getInt(2));
                });
        return load;
    }

    /** The list filters. */
    record Filter(InspectionStatus status, InspectionKind kind, Boolean spotChecks, String inspector, String staff,
                  Long planId, Long unitId, Instant from, Instant to) {
    }

    /**
     * A page of inspections the caller may see: within the scope for quality roles ({@code ownOnly} false),
     * only the caller's own work otherwise.
     */
    PageResult<Inspection> find(Filter f, DataScope scope, boolean ownOnly, String me, PageQuery page) {
        StringBuilder where = new StringBuilder(" where (:all or unit_id = any(:units))");
        Map<String, Object> params = new HashMap<>();
        params.put("all", scope.all());
        params.put("units", scope.unitIdArray());
        if (ownOnly) {
            where.append(" and staff_username = :me");
            params.put("me", me);
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", f.kind().name());
        } else if (f.spotChecks() != null) {
            where.append(f.spotChecks() ? " and kind <> 'ORDER'" : " and kind = 'ORDER'");
        }
        if (f.inspector() != null) {
            where.append(" and inspector = :inspector");
            params.put("inspector", f.inspector());
        }
        if (f.staff() != null) {
            where.append(" and staff_username = :staff");
            params.put("staff", f.staff());
        }
        if (f.planId() != null) {
            where.append(" and plan_id = :plan");
            params.put("plan", f.planId());
        }
        if (f.unitId() != null) {
            where.append(" and unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", ts(f.from()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", ts(f.to()));
        }
        List<Inspection> items = jdbc.sql("select * from quality_inspection" + where + " order by " + page.orderBy()
                        + ", id desc limit :limit offset :offset").params(params).param("limit", page.size())
                .param("offset", page.offset()).query(InspectionRepository::map).list();
        long total = jdbc.sql("select count(*) from quality_inspection" + where).params(params).query(Long.class)
                .single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Spot checks scored in a period within a scope: how many, how many with an error, mean score. */
    record SpotSummary(InspectionKind kind, long scored, long errors, long serious, BigDecimal meanScore) {
    }

    List<SpotSummary> spotSummary(DataScope scope, Instant from, Instant to) {
        return jdbc.sql("""
                select kind, count(*) as scored, count(*) filter (where error) as errors,
                       count(*) filter (where serious) as serious, round(avg(score), 2) as mean
                  from quality_inspection
                 where kind <> 'ORDER' and status <> 'PENDING' and scored_at >= :from and scored_at < :to
                   and (:all or unit_id = any(:units))
                 group by kind order by kind
                """).param("from", ts(from)).param("to", ts(to)).param("all", scope.all())
                .param("units", scope.unitIdArray())
                .query((rs, i) -> new SpotSummary(InspectionKind.valueOf(rs.getString("kind")), rs.getLong("scored"),
                        rs.getLong("errors"), rs.getLong("serious"), rs.getBigDecimal("mean"))).list();
    }

    static Inspection map(ResultSet rs, int row) throws SQLException {
        long plan = rs.getLong("plan_id");
        Long planId = rs.wasNull() ? null : plan;
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new Inspection(rs.getLong("id"), InspectionKind.valueOf(rs.getString("kind")), planId, orderId,
                rs.getString("order_number"), rs.getString("order_type"), rs.getLong("unit_id"),
                rs.getString("staff_username"), rs.getString("taken_by"), Arrays.asList(rs.getString("reasons").split(",")),
                rs.getString("subject_ref"), instant(rs, "occurred_at"), rs.getString("inspector"),
                rs.getLong("rubric_version_id"), InspectionStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("earned_points"), rs.getBigDecimal("max_points"), rs.getBigDecimal("score"),
                rs.getBoolean("error"), rs.getBoolean("serious"), rs.getString("comment"), instant(rs, "scored_at"),
                instant(rs, "appeal_due_at"), rs.getString("appeal_reason"), instant(rs, "appealed_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_note"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"));
    }
}
