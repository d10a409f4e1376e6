package org.gridcare.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridcare.workorder.WorkOrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RubricRepository {

    private final JdbcClient jdbc;

    RubricRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a version (number: the type's next) with its items; returns its id. */
    long insert(NewRubricVersion command, RubricStatus status, Instant effectiveFrom, String sourceStandardRef,
                String actor, Instant now) {
        // the type's row lock: two concurrent versions of one type never get the same number
        jdbc.sql("select pg_advisory_xact_lock(hashtext('quality_rubric:' || :type))")
                .param("type", command.orderType().name()).query(Object.class).single();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from quality_rubric_version where order_type = :type")
                .param("type", command.orderType().name()).query(Integer.class).single();
        boolean published = status == RubricStatus.PUBLISHED;
        long id = jdbc.sql("""
                insert into quality_rubric_version (order_type, number, title, note, status, effective_from,
                    source_standard_ref, created_by, created_at, published_by, published_at)
                values (:type, :number, :title, :note, :status, :effective, :source, :by, :at, :publishedBy,
                    :publishedAt)
                returning id
                """).param("type", command.orderType().name()).param("number", number)
                .param("title", command.title().trim()).param("note", blankToNull(command.note()))
                .param("status", status.name()).param("effective", ts(effectiveFrom))
                .param("source", blankToNull(sourceStandardRef)).param("by", actor).param("at", ts(now))
                .param("publishedBy", published ? actor : null).param("publishedAt", published ? ts(now) : null)
                .query(Long.class).single();
        insertItems(id, command.items());
        return id;
    }

    void replaceItems(long id, NewRubricVersion command) {
        jdbc.sql("update quality_rubric_version set title = :title, note = :note, version = version + 1 where id = :id")
                .param("title", command.title().trim()).param("note", blankToNull(command.note())).param("id", id)
                .update();
        jdbc.sql("delete from quality_rubric_item where rubric_version_id = :id").param("id", id).update();
        insertItems(id, command.items());
    }

    private void insertItems(long id, List<NewRubricVersion.Item> items) {
        int position = 1;
        for (NewRubricVersion.Item item : items) {
            jdbc.sql("""
                    insert into quality_rubric_item (rubric_version_id, position, code, name, name_en, description,
                        points, severity)
                    values (:version, :position, :code, :name, :nameEn, :description, :points, :severity)
                    """).param("version", id).param("position", position++).param("code", item.code().trim())
                    .param("name", item.name().trim()).param("nameEn", blankToNull(item.nameEn()))
                    .param("description", blankToNull(item.description())).param("points", item.points())
                    .param("severity", item.severity().name()).update();
        }
    }

    /** Locks a version row for a change. */
    Optional<RubricVersion> lock(long id) {
        return jdbc.sql("select * from quality_rubric_version where id = :id for update").param("id", id)
                .query(this::map).optional().map(this::withItems);
    }

    Optional<RubricVersion> find(long id) {
        return jdbc.sql("select * from quality_rubric_version where id = :id").param("id", id).query(this::map)
                .optional().map(this::withItems);
    }

    /** The type's PUBLISHED version, locked. */
    Optional<RubricVersion> lockPublished(WorkOrderType type) {
        return jdbc.sql("select * from quality_rubric_version where order_type = :type and status = 'PUBLISHED' for update")
                .param("type", type.name()).query(this::map).optional();
    }

    void publish(long id, Instant effectiveFrom, String sourceStandardRef, String actor, Instant now) {
        jdbc.sql("""
                update quality_rubric_version set status = 'PUBLISHED', effective_from = :effective,
                       source_standard_ref = coalesce(:source, source_standard_ref), published_by = :by,
                       published_at = :at, version = version + 1
                 where id = :id
                """).param("effective", ts(effectiveFrom)).param("source", blankToNull(sourceStandardRef))
                .param("by", actor).param("at", ts(now)).param("id", id).update();
    }

    void supersede(long id, Instant at) {
        jdbc.sql("""
                update quality_rubric_version set status = 'SUPERSEDED', superseded_at = :at, version = version + 1
                 where id = :id
                """).param("at", ts(at)).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from quality_rubric_version where id = :id and status = 'DRAFT'").param("id", id).update();
    }

    /** The version of a type in force at a moment. */
    Optional<RubricVersion> inForce(WorkOrderType type, Instant at) {
        return jdbc.sql("""
                select * from quality_rubric_version
                 where order_type = :type and status <> 'DRAFT' and effective_from <= :at
                   and (superseded_at is null or superseded_at > :at)
                 order by effective_from desc limit 1
                """).param("type", type.name()).param("at", ts(at)).query(this::map).optional().map(this::withItems);
    }

    /** The type's latest published or superseded version whose source does not start with {@code prefix}. */
    Optional<RubricVersion> latestNotFrom(WorkOrderType type, String prefix) {
        return jdbc.sql("""
                select * from quality_rubric_version
                 where order_type = :type and status <> 'DRAFT'
                   and (source_standard_ref is null or left(source_standard_ref, length(:prefix)) <> :prefix)
                 order by effective_from desc, number desc limit 1
                """).param("type", type.name()).param("prefix", prefix).query(this::map).optional()
                .map(this::withItems);
    }

    /** The latest effective moment of a published or superseded version of a type. */
    Optional<Instant> latestEffective(WorkOrderType type) {
        return jdbc.sql("select max(effective_from) from quality_rubric_version where order_type = :type and status <> 'DRAFT'")
                .param("type", type.name()).query((rs, i) -> instant(rs, 1)).optional().filter(java.util.Objects::nonNull);
    }

    /** Every version, optionally of one type, newest first per type; with their items. */
    List<RubricVersion> list(WorkOrderType type) {
        List<RubricVersion> versions = jdbc.sql("""
                select * from quality_rubric_version where (cast(:type as varchar) is null or order_type = :type)
                 order by order_type, number desc
                """).param("type", type == null ? null : type.name()).query(this::map).list();
        if (versions.isEmpty()) {
            return versions;
        }
        Map<Long, List<RubricVersion.Item>> items = jdbc.sql("""
                select * from quality_rubric_item where rubric_version_id = any(:ids) order by rubric_version_id, position
                """).param("ids", versions.stream().map(RubricVersion::id).toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong("rubric_version_id"), item(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
        return versions.stream().map(v -> with(v, items.getOrDefault(v.id(), List.of()))).toList();
    }

    private RubricVersion withItems(RubricVersion v) {
        return with(v, jdbc.sql("select * from quality_rubric_item where rubric_version_id = :id order by position")
                .param("id", v.id()).query((rs, i) -> item(rs)).list());
    }

    private RubricVersion with(RubricVersion v, List<RubricVersion.Item> items) {
        java.math.BigDecimal total = items.stream().map(RubricVersion.Item::points)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return new RubricVersion(v.id(), v.orderType(), v.number(), v.title(), v.note(), v.status(),
                v.effectiveFrom(), v.supersededAt(), v.sourceStandardRef(), v.inForce(), v.createdBy(), v.createdAt(),
                v.publishedBy(), v.publishedAt(), v.version(), total, items);
    }

    private static RubricVersion.Item item(ResultSet rs) throws SQLException {
        return new RubricVersion.Item(rs.getLong("id"), rs.getInt("position"), rs.getString("code"),
                rs.getString("name"), rs.getString("name_en"), rs.getString("description"),
                rs.getBigDecimal("points"), FindingSeverity.valueOf(rs.getString("severity")));
    }

    private RubricVersion map(ResultSet rs, int row) throws SQLException {
        RubricStatus status = RubricStatus.valueOf(rs.getString("status"));
        Instant effective = instant(rs, "effective_from");
        Instant superseded = instant(rs, "superseded_at");
        return new RubricVersion(rs.getLong("id"), WorkOrderType.valueOf(rs.getString("order_type")),
                rs.getInt("number"), rs.getString("title"), rs.getString("note"), status, effective, superseded,
                rs.getString("source_standard_ref"), false, rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("published_by"), instant(rs, "published_at"), rs.getInt("version"), null, List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
