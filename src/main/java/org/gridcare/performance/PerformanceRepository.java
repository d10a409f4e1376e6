package org.gridcare.performance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PerformanceRepository {

    private final JdbcClient jdbc;

    PerformanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- components

    record ComponentRow(ScoreComponent code, Normalisation normalisation, String valueUnit, String nameZh, String nameEn,
                        String sourceZh, String sourceEn) {
    }

    List<ComponentRow> components() {
        return jdbc.sql("select * from perf_component order by sort_order").query((rs, i) -> new ComponentRow(
                ScoreComponent.valueOf(rs.getString("code")), Normalisation.valueOf(rs.getString("normalisation")),
                rs.getString("value_unit"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("source_zh"), rs.getString("source_en"))).list();
    }

    // ---- schemes

    /** Every scheme with its weights, by position and month. */
    List<Scheme> schemes() {
        Map<Long, List<Scheme.Weight>> weights = new HashMap<>();
        jdbc.sql("select * from perf_scheme_component").query((ResultSet rs) -> {
            weights.computeIfAbsent(rs.getLong("scheme_id"), k -> new ArrayList<>()).add(new Scheme.Weight(
                    ScoreComponent.valueOf(rs.getString("component")), rs.getBigDecimal("weight"),
                    rs.getBigDecimal("target"), rs.getBigDecimal("step")));
        });
        return jdbc.sql("select * from perf_scheme order by position, effective_month").query((rs, i) -> {
            long id = rs.getLong("id");
            List<Scheme.Weight> w = weights.getOrDefault(id, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Scheme.Weight::component)).toList();
            return new Scheme(id, rs.getString("position"), YearMonth.from(rs.getDate("effective_month").toLocalDate()),
                    new GradeBands(rs.getBigDecimal("grade_a"), rs.getBigDecimal("grade_b"),
                            rs.getBigDecimal("grade_c")), w, rs.getString("note"), rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant());
        }).list();
    }

    Optional<Long> schemeId(String position, YearMonth month) {
        return jdbc.sql("select id from perf_scheme where position = :p and effective_month = :m")
                .param("p", position).param("m", Date.valueOf(month.atDay(1))).query(Long.class).optional();
    }

    /** A scheme from a month; replaces a scheme of the same position and month (only possible for a future month). */
    long saveScheme(String position, YearMonth month, GradeBands bands, List<Scheme.Weight> weights, String note,
                    String by, Instant at) {
        jdbc.sql("delete from perf_scheme where position = :p and effective_month = :m").param("p", position)
                .param("m", Date.valueOf(month.atDay(1))).update();
        long id = jdbc.sql("""
                insert into perf_scheme (position, effective_month, grade_a, grade_b, grade_c, note, created_by, created_at)
                values (:p, :m, :a, :b, :c, :note, :by, :at) returning id
                """).param("p", position).param("m", Date.valueOf(month.atDay(1))).param("a", bands.a())
                .param("b", bands.b()).param("c", bands.c()).param("note", note).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
        for (Scheme.Weight w : weights) {
            jdbc.sql("""
                    insert into perf_scheme_component (scheme_id, component, weight, target, step)
                    values (:id, :c, :w, :t, :s)
                    """).param("id", id).param("c", w.component().name()).param("w", w.weight())
                    .param("t", w.target()).param("s", w.step()).update();
        }
        return id;
    }

    boolean schemeInUse(String position, YearMonth month) {
        return jdbc.sql("""
                select exists (select 1 from perf_scorecard c join perf_scheme s on s.id = c.scheme_id
                                where s.position = :p and s.effective_month = :m)
                """).param("p", position).param("m", Date.valueOf(month.atDay(1))).query(Boolean.class).single();
    }

    // ---- months

    boolean closed(YearMonth month) {
        return jdbc.sql("select exists (select 1 from perf_month where month = :m)")
                .param("m", Date.valueOf(month.atDay(1))).query(Boolean.class).single();
    }

    void close(YearMonth month, int cards, Instant at) {
        jdbc.sql("insert into perf_month (month, closed_at, cards) values (:m, :at, :n) on conflict do nothing")
                .param("m", Date.valueOf(month.atDay(1))).param("at", Timestamp.from(at)).param("n", cards).update();
    }

    /** Serialises the computations of one month (the job and an on-demand run) until the transaction ends. */
    void lockMonth(YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('perf_month'), :k)").param("k", month.getYear() * 100
                + month.getMonthValue()).query((ResultSet rs) -> { });
    }

    // ---- cards

    record CardRow(long id, YearMonth month, String staff, long userId, String displayName, long unitId, String position,
                   String teamCode, String teamName, long schemeId, BigDecimal baseScore, BigDecimal adjustment,
                   BigDecimal total, String grade, int praiseCount, Instant computedAt, int version) {
    }

    /** Writes a card (inserted, or updated in place so that its id and adjustments stay) and its components. */
    long upsertCard(CardRow c, List<ScoreCalculator.Scored> components) {
        long id = jdbc.sql("""
                insert into perf_scorecard (month, staff_username, user_id, display_name, unit_id, position, team_code, team_name,
                                            scheme_id, base_score, adjustment, total, grade, praise_count, computed_at)
                values (:month, :staff, :userId, :name, :unit, :position, :team, :teamName, :scheme, :base, :adj, :total, :grade,
                        :praise, :at)
                on conflict (month, staff_username) do update
                   set user_id = excluded.user_id, display_name = excluded.display_name, unit_id = excluded.unit_id, position = excluded.position,
                       team_code = excluded.team_code, team_name = excluded.team_name, scheme_id = excluded.scheme_id,
                       base_score = excluded.base_score, adjustment = excluded.adjustment, total = excluded.total,
                       grade = excluded.grade, praise_count = excluded.praise_count, computed_at = excluded.computed_at,
                       version = perf_scorecard.version + 1
                returning id
                """).param("month", Date.valueOf(c.month().atDay(1))).param("staff", c.staff())
                .param("userId", c.userId()).param("name", c.displayName()).param("unit", c.unitId()).param("position", c.position())
                .param("team", c.teamCode()).param("teamName", c.teamName()).param("scheme", c.schemeId())
                .param("base", c.baseScore()).param("adj", c.adjustment()).param("total", c.total())
                .param("grade", c.grade()).param("praise", c.praiseCount()).param("at", Timestamp.from(c.computedAt()))
                .query(Long.class).single();
        jdbc.sql("delete from perf_scorecard_component where scorecard_id = :id").param("id", id).update();
        for (ScoreCalculator.Scored s : components) {
            jdbc.sql("""
                    insert into perf_scorecard_component (scorecard_id, component, value, numerator, denominator,
                                                          weight, target, step, points)
                    values (:id, :c, :v, :n, :d, :w, :t, :s, :p)
                    """).param("id", id).param("c", s.component().name()).param("v", s.figure().value())
                    .param("n", s.figure().numerator()).param("d", s.figure().denominator()).param("w", s.weight())
                    .param("t", s.target()).param("s", s.step()).param("p", s.points()).update();
        }
        return id;
    }

    /** Removes the cards of an open month whose staff are no longer scored, unless an adjustment refers to them. */
    int removeOthers(YearMonth month, List<String> staff) {
        return jdbc.sql("""
                delete from perf_scorecard c where c.month = :m and not (c.staff_username = any(:staff))
                   and not exists (select 1 from perf_adjustment a where a.scorecard_id = c.id)
                """).param("m", Date.valueOf(month.atDay(1))).param("staff", staff.toArray(String[]::new)).update();
    }

    Optional<CardRow> card(long id) {
        return jdbc.sql("select * from perf_scorecard where id = :id").param("id", id)
                .query(PerformanceRepository::card).optional();
    }

    Optional<CardRow> lockCard(long id) {
        return jdbc.sql("select * from perf_scorecard where id = :id for update").param("id", id)
                .query(PerformanceRepository::card).optional();
    }

    Optional<CardRow> card(YearMonth month, String staff) {
        return jdbc.sql("select * from perf_scorecard where month = :m and staff_username = :s")
                .param("m", Date.valueOf(month.atDay(1))).param("s", staff).query(PerformanceRepository::card)
                .optional();
    }

    List<CardRow> cards(YearMonth month) {
        return jdbc.sql("select * from perf_scorecard where month = :m order by total desc nulls last, staff_username")
                .param("m", Date.valueOf(month.atDay(1))).query(PerformanceRepository::card).list();
    }

    /** A staff member's cards from {@code from} to {@code to}, oldest first. */
    List<CardRow> cardsOf(String staff, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                select * from perf_scorecard where staff_username = :s and month >= :from and month <= :to order by month
                """).param("s", staff).param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atDay(1)))
                .query(PerformanceRepository::card).list();
    }

    /** The cards of months from {@code from} to {@code to}, for trends of a unit or team. */
    List<CardRow> cardsBetween(YearMonth from, YearMonth to) {
        return jdbc.sql("select * from perf_scorecard where month >= :from and month <= :to order by month")
                .param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atDay(1)))
                .query(PerformanceRepository::card).list();
    }

    record ComponentValue(ScoreComponent component, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                          BigDecimal weight, BigDecimal target, BigDecimal step, BigDecimal points) {
    }

    List<ComponentValue> components(long cardId) {
        return jdbc.sql("select * from perf_scorecard_component where scorecard_id = :id").param("id", cardId)
                .query((rs, i) -> new ComponentValue(ScoreComponent.valueOf(rs.getString("component")),
                        rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
                        rs.getBigDecimal("weight"), rs.getBigDecimal("target"), rs.getBigDecimal("step"),
                        rs.getBigDecimal("points"))).list().stream()
                .sorted(java.util.Comparator.comparing(ComponentValue::component)).toList();
    }

    /** The components of many cards, by card id. */
    Map<Long, List<ComponentValue>> components(List<Long> cardIds) {
        Map<Long, List<ComponentValue>> byCard = new LinkedHashMap<>();
        jdbc.sql("select * from perf_scorecard_component where scorecard_id = any(:ids) order by scorecard_id")
                .param("ids", cardIds.toArray(Long[]::new)).query((ResultSet rs) -> {
                    byCard.computeIfAbsent(rs.getLong("scorecard_id"), k -> new ArrayList<>()).add(new ComponentValue(
                            ScoreComponent.valueOf(rs.getString("component")), rs.getBigDecimal("value"),
                            rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"), rs.getBigDecimal("weight"),
                            rs.getBigDecimal("target"), rs.getBigDecimal("step"), rs.getBigDecimal("points")));
                });
        byCard.values().forEach(l -> l.sort(java.util.Comparator.comparing(ComponentValue::component)));
        return byCard;
    }

    boolean setTotal(long id, BigDecimal adjustment, BigDecimal total, String grade) {
        return jdbc.sql("""
                update perf_scorecard set adjustment = :adj, total = :total, grade = :grade, version = version + 1
                 where id = :id
                """).param("adj", adjustment).param("total", total).param("grade", grade).param("id", id).update() == 1;
    }

    // ---- adjustments

    long insertAdjustment(long cardId, BigDecimal points, String reason, String by, Instant at) {
        return jdbc.sql("""
                insert into perf_adjustment (scorecard_id, points, reason, status, proposed_by, proposed_at)
                values (:card, :points, :reason, 'PROPOSED', :by, :at) returning id
                """).param("card", cardId).param("points", points).param("reason", reason).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<Scorecard.Adjustment> lockAdjustment(long id) {
        return jdbc.sql("select * from perf_adjustment where id = :id for update").param("id", id)
                .query(PerformanceRepository::adjustment).optional();
    }

    Optional<Scorecard.Adjustment> adjustment(long id) {
        return jdbc.sql("select * from perf_adjustment where id = :id").param("id", id)
                .query(PerformanceRepository::adjustment).optional();
    }

    boolean review(long id, int version, String status, String by, String note, Instant at) {
        return jdbc.sql("""
                update perf_adjustment set status = :status, reviewed_by = :by, reviewed_at = :at, review_note = :note,
                       version = version + 1
                 where id = :id and version = :version and status = 'PROPOSED'
                """).param("status", status).param("by", by).param("at", Timestamp.from(at)).param("note", note)
                .param("id", id).param("version", version).update() == 1;
    }

    List<Scorecard.Adjustment> adjustments(long cardId) {
        return jdbc.sql("select * from perf_adjustment where scorecard_id = :id order by proposed_at, id")
                .param("id", cardId).query(PerformanceRepository::adjustment).list();
    }

    BigDecimal approvedAdjustment(long cardId) {
        return jdbc.sql("""
                select coalesce(sum(points), 0) from perf_adjustment where scorecard_id = :id and status = 'APPROVED'
                """).param("id", cardId).query(BigDecimal.class).single();
    }

    /** The approved adjustment sums of a month's cards, by card id. */
    Map<String, BigDecimal> approvedAdjustments(YearMonth month) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("""
                select c.staff_username, sum(a.points) as points from perf_adjustment a
                  join perf_scorecard c on c.id = a.scorecard_id
                 where c.month = :m and a.status = 'APPROVED' group by c.staff_username
                """).param("m", Date.valueOf(month.atDay(1))).query((ResultSet rs) -> {
                    sums.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return sums;
    }

    /** The proposed adjustments (a reviewer's queue), newest first, with their cards. */
    List<Scorecard.Adjustment> proposedAdjustments() {
        return jdbc.sql("select * from perf_adjustment where status = 'PROPOSED' order by proposed_at desc, id desc")
                .query(PerformanceRepository::adjustment).list();
    }

    // ---- mapping

    private static CardRow card(ResultSet rs, int i) throws SQLException {
        return new CardRow(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                rs.getString("staff_username"), rs.getLong("user_id"), rs.getString("display_name"), rs.getLong("unit_id"),
                rs.getString("position"), rs.getString("team_code"), rs.getString("team_name"), rs.getLong("scheme_id"),
                rs.getBigDecimal("base_score"), rs.getBigDecimal("adjustment"), rs.getBigDecimal("total"),
                rs.getString("grade"), rs.getInt("praise_count"), rs.getTimestamp("computed_at").toInstant(),
                rs.getInt("version"));
    }

    private static Scorecard.Adjustment adjustment(ResultSet rs, int i) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Scorecard.Adjustment(rs.getLong("id"), rs.getLong("scorecard_id"), rs.getBigDecimal("points"),
                rs.getString("reason"), rs.getString("status"), rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_note"), rs.getInt("version"));
    }
}
