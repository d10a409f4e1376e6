package org.gridcare.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrgUnitRepository {

    private static final String SELECT = """
            select u.*, p.code as parent_code from org_unit u left join org_unit p on p.id = u.parent_id
            """;

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql(SELECT + " where u.code = :code").param("code", code).query(OrgUnitRepository::map).optional();
    }

    Optional<OrgUnit> findById(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(OrgUnitRepository::map).optional();
    }

    List<OrgUnit> findAllOrdered() {
        return jdbc.sql(SELECT + " order by u.path").query(OrgUnitRepository::map).list();
    }

    List<OrgUnit> findSubtree(String path) {
        return jdbc.sql(SELECT + " where u.path like :prefix order by u.path")
                .param("prefix", path + "%").query(OrgUnitRepository::map).list();
    }

    List<Long> findSubtreeIds(String path) {
        return jdbc.sql("select id from org_unit where path like :prefix").param("prefix", path + "%")
                .query(Long.class).list();
    }

    boolean exists() {
        return jdbc.sql("select exists(select 1 from org_unit)").query(Boolean.class).single();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists(select 1 from org_unit where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    OrgUnit insert(String code, String name, OrgUnitKind kind, AreaType areaType, OrgUnit parent, Instant now) {
        long id = jdbc.sql("select nextval('org_unit_id_seq')").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("""
                insert into org_unit (id, code, name, kind, area_type, parent_id, path, enabled, version,
                                      created_at, updated_at)
                values (:id, :code, :name, :kind, :area, :parent, :path, true, 0, :now, :now)
                """)
                .param("id", id).param("code", code).param("name", name).param("kind", kind.name())
                .param("area", areaType.name()).param("parent", parent == null ? null : parent.id().value())
                .param("path", path).param("now", Timestamp.from(now))
                .update();
        return findById(id).orElseThrow();
    }

    /** Writes name, kind, area and enabled; returns false when the version was stale. */
    boolean update(OrgUnit unit, int expectedVersion, Instant now) {
        return jdbc.sql("""
                update org_unit set name = :name, kind = :kind, area_type = :area, enabled = :enabled,
                       version = version + 1, updated_at = :now
                 where id = :id and version = :version
                """)
                .param("name", unit.name()).param("kind", unit.kind().name()).param("area", unit.areaType().name())
                .param("enabled", unit.enabled()).param("now", Timestamp.from(now))
                .param("id", unit.id().value()).param("version", expectedVersion)
                .update() == 1;
    }

    /** Moves a unit with its whole subtree under a new parent by rewriting the path prefix. */
    void move(OrgUnit unit, OrgUnit newParent, Instant now) {
        String newPath = newParent.path() + unit.id().value() + "/";
        jdbc.sql("update org_unit set parent_id = :parent where id = :id")
                .param("parent", newParent.id().value()).param("id", unit.id().value()).update();
        jdbc.sql("""
                update org_unit set path = :newPath || substr(path, length(:oldPath) + 1),
                       version = version + case when id = :id then 1 else 0 end, updated_at = :now
                 where path like :oldPrefix
                """)
                .param("newPath", newPath).param("oldPath", unit.path()).param("oldPrefix", unit.path() + "%")
                .param("id", unit.id().value()).param("now", Timestamp.from(now))
                .update();
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        Long parent = rs.getObject("parent_id", Long.class);
        return new OrgUnit(new OrgUnitId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                OrgUnitKind.valueOf(rs.getString("kind")), AreaType.valueOf(rs.getString("area_type")),
                parent == null ? null : new OrgUnitId(parent), rs.getString("parent_code"), rs.getString("path"),
                rs.getBoolean("enabled"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
