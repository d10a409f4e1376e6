package org.gridcare.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The KPI formulas, targets and settings tables. */
@Repository
class KpiCatalog {

    private final JdbcClient jdbc;

    KpiCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<KpiDefinition> definitions() {
        return jdbc.sql("select * from kpi_definition order by sort_order").query((rs, i) -> new KpiDefinition(
                rs.getString("name"), rs.getInt("sort_order"), KpiDefinition.Measure.valueOf(rs.getString("measure")),
                rs.getString("unit"), KpiDefinition.Anchor.valueOf(rs.getString("anchor")),
                rs.getString("denominator"), rs.getString("numerator"), rs.getString("value_expr"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("formula_zh"),
                rs.getString("formula_en"), rs.getString("source"))).list();
    }

    List<KpiTarget> targets() {
        return jdbc.sql("select * from kpi_target order by kpi, unit_id nulls first").query((rs, i) -> new KpiTarget(
                rs.getLong("id"), rs.getString("kpi"), (Long) rs.getObject("unit_id"), null,
                rs.getString("comparison"), rs.getBigDecimal("target"), rs.getBigDecimal("amber_band"),
                rs.getString("note"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant())).list();
    }

    Optional<KpiTarget> target(long id) {
        return targets().stream().filter(t -> t.id() == id).findFirst();
    }

    /** Creates or replaces the target of a KPI for a unit (null: the company default); returns its id. */
    long saveTarget(String kpi, Long unitId, String comparison, BigDecimal target, BigDecimal amberBand, String note,
                    String by, Instant at) {
        return jdbc.sql("""
                insert into kpi_target (kpi, unit_id, comparison, target, amber_band, note, updated_by, updated_at)
                values (:kpi, :unit, :comparison, :target, :band, :note, :by, :at)
                on conflict (kpi, coalesce(unit_id, 0)) do update set comparison = excluded.comparison,
                    target = excluded.target, amber_band = excluded.amber_band, note = excluded.note,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                returning id
                """).param("kpi", kpi).param("unit", unitId).param("comparison", comparison).param("target", target)
                .param("band", amberBand).param("note", note).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    boolean deleteTarget(long id) {
        return jdbc.sql("delete from kpi_target where id = :id").param("id", id).update() == 1;
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        jdbc.sql("select name, value from kpi_setting order by name")
                .query(rs -> {
                    settings.put(rs.getString(1), rs.getString(2));
                });
        return settings;
    }

    boolean saveSetting(String name, String value, String by, Instant at) {
        return jdbc.sql("update kpi_setting set value = :v, updated_by = :by, updated_at = :at where name = :n")
                .param("v", value).param("by", by).param("at", Timestamp.from(at)).param("n", name).update() == 1;
    }
}
