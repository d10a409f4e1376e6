package org.gridcare.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gridcare.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meter_import and meter_import_problem tables. */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(ReadingKind kind, String fileName, long fileSize, String sha256, String requestedBy, long unitId,
                String instanceId, Instant now) {
        return jdbc.sql("""
                insert into meter_import (kind, file_name, file_size, file_sha256, status, requested_by, unit_id,
                                          instance_id, created_at, heartbeat_at)
                values (:kind, :fileName, :size, :sha, 'QUEUED', :by, :unit, :instance, :now, :now) returning id
                """)
                .param("kind", kind.name()).param("fileName", fileName).param("size", fileSize).param("sha", sha256)
                .param("by", requestedBy).param("unit", unitId).param("instance", instanceId)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<ImportView> find(long id) {
        return jdbc.sql("select * from meter_import where id = :id").param("id", id).query(ImportRepository::map).optional();
    }

    List<ImportView> recent(DataScope scope, int offset, int limit) {
        return jdbc.sql("""
                select * from meter_import where (:allUnits or unit_id = any(:units))
                 order by created_at desc, id desc offset :offset limit :limit
                """).param("allUnits", scope.all()).param("units", scope.unitIdArray())
                .param("offset", offset).param("limit", limit).query(ImportRepository::map).list();
    }

    long count(DataScope scope) {
        return jdbc.sql("select count(*) from meter_import where (:allUnits or unit_id = any(:units))")
                .param("allUnits", scope.all()).param("units", scope.unitIdArray()).query(Long.class).single();
    }

    /** An earlier finished import of the same file content and kind, if any: tells a user "already imported". */
    Optional<Long> earlierDone(long id, ReadingKind kind, String sha256) {
        return jdbc.sql("""
                select id from meter_import where file_sha256 = :sha and kind = :kind and status = 'DONE' and id < :id
                 order by id desc limit 1
                """).param("sha", sha256).param("kind", kind.name()).param("id", id).query(Long.class).optional();
    }

    List<RowProblem> problems(long id, int offset, int limit) {
        return jdbc.sql("""
                select line, field, code, arguments from meter_import_problem where import_id = :id
                 order by line offset :offset limit :limit
                """).param("id", id).param("offset", offset).param("limit", limit)
                .query((rs, row) -> new RowProblem(rs.getLong("line"), rs.getString("field"), rs.getString("code"),
                        Arrays.asList((String[]) rs.getArray("arguments").getArray()))).list();
    }

    long problemCount(long id) {
        return jdbc.sql("select count(*) from meter_import_problem where import_id = :id").param("id", id)
                .query(Long.class).single();
    }

    void addProblems(long id, Collection<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        // one statement for the whole batch: the problems travel as parallel arrays
        jdbc.sql("""
                insert into meter_import_problem (import_id, line, field, code, arguments)
                select :id, p.line, p.field, p.code, string_to_array(p.arguments, chr(31))
                  from unnest(:lines, :fields, :codes, :arguments) as p(line, field, code, arguments)
                on conflict do nothing
                """).param("id", id)
                .param("lines", problems.stream().map(RowProblem::line).toArray(Long[]::new))
                .param("fields", problems.stream().map(RowProblem::field).toArray(String[]::new))
                .param("codes", problems.stream().map(RowProblem::code).toArray(String[]::new))
                .param("arguments", problems.stream().map(p -> String.join("\u001f", p.arguments())).toArray(String[]::new))
                .update();
    }

    void started(long id, Instant now) {
        jdbc.sql("update meter_import set status = 'RUNNING', phase = 'READING', started_at = :now, heartbeat_at = :now where id = :id and status = 'QUEUED'")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    void progress(long id, String phase, long bytesRead, long rowsRead, Instant now) {
        jdbc.sql("""
                update meter_import set phase = :phase, bytes_read = :bytes, rows_read = :rows, heartbeat_at = :now
                 where id = :id and status = 'RUNNING'
                """).param("id", id).param("phase", phase).param("bytes", bytesRead).param("rows", rowsRead)
                .param("now", Timestamp.from(now)).update();
    }

    void done(long id, long rowsRead, long accepted, long unchanged, long rejected, Instant now) {
        jdbc.sql("""
                update meter_import set status = 'DONE', phase = null, bytes_read = file_size, rows_read = :rows,
                       rows_accepted = :accepted, rows_unchanged = :unchanged, rows_rejected = :rejected,
                       finished_at = :now, heartbeat_at = :now
                 where id = :id
                """).param("id", id).param("rows", rowsRead).param("accepted", accepted).param("unchanged", unchanged)
                .param("rejected", rejected).param("now", Timestamp.from(now)).update();
    }

    /** Marks an import FAILED with a reason; whatever it had counted is cleared, since nothing of it was saved. */
    void failed(long id, String reason, Instant now) {
        jdbc.sql("""
                update meter_import set status = 'FAILED', phase = null, failure = :reason, rows_accepted = 0,
                       rows_unchanged = 0, finished_at = :now, heartbeat_at = :now
                 where id = :id and status in ('QUEUED', 'RUNNING')
                """).param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    void heartbeat(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update meter_import set heartbeat_at = :now where id = any(:ids) and status in ('QUEUED', 'RUNNING')")
                    .param("ids", ids.toArray(Long[]::new)).param("now", Timestamp.from(now)).update();
        }
    }

    /** Open imports nobody has reported on since {@code staleBefore}: their instance stopped. */
    List<Long> failStale(Instant staleBefore, Instant now) {
        return jdbc.sql("""
                update meter_import set status = 'FAILED', phase = null, failure = 'INTERRUPTED', rows_accepted = 0,
                       rows_unchanged = 0, finished_at = :now
                 where status in ('QUEUED', 'RUNNING') and heartbeat_at < :staleBefore returning id
                """).param("staleBefore", Timestamp.from(staleBefore)).param("now", Timestamp.from(now))
                .query(Long.class).list();
    }

    private static ImportView map(ResultSet rs, int row) throws SQLException {
        return new ImportView(rs.getLong("id"), ReadingKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getLong("file_size"), ImportStatus.valueOf(rs.getString("status")), rs.getString("phase"),
                rs.getLong("bytes_read"), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_unchanged"), rs.getLong("rows_rejected"), rs.getString("failure"),
                rs.getString("requested_by"), rs.getLong("unit_id"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
