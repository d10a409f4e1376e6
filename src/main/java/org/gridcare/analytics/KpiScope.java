package org.gridcare.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.organisation.OrgUnit;

/**
 * A checked KPI query: the instants {@code [from, to)} of the calendar days, the unit whose subtree is in
 * scope ({@code unitIds} null: every unit, for an administrator's whole company) and the other filters, each
 * already validated. Builds the SQL conditions over {@code kpi_order_fact f}; every value is a parameter.
 */
record KpiScope(LocalDate fromDay, LocalDate toDay, Instant from, Instant to, OrgUnit unit, List<Long> unitIds,
                String type, String channel, String category, String staff, GroupBy groupBy,
                Map<Long, OrgUnit> units, Teams teams) {

    /** The key of the orders of staff in no team of the scope, for a TEAM split. */
    static final String NO_TEAM = "-";

    /**
     * For a TEAM split, the teams of the scope's units by code with their members' usernames (their current
     * membership) and names; empty otherwise.
     */
    record Teams(Map<String, List<String>> members, Map<String, String> names) {

        static final Teams NONE = new Teams(Map.of(), Map.of());
    }

    /** The scope's conditions on f (without the period), starting with " and". */
    String where(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (unitIds != null) {
            sql.append(" and f.unit_id = any(:units)");
            params.put("units", unitIds.toArray(Long[]::new));
        }
        if (type != null) {
            sql.append(" and f.type = :type");
            params.put("type", type);
        }
        if (channel != null) {
            sql.append(" and f.channel = :channel");
            params.put("channel", channel);
        }
        if (category != null) {
            sql.append(" and (f.category_code = :category or f.category_code like :categoryPrefix)");
            params.put("category", category);
            params.put("categoryPrefix", category.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
        }
        if (staff != null) {
            sql.append(" and (f.handler = :staff or f.created_by = :staff)");
            params.put("staff", staff);
        }
        return sql.toString();
    }

    /** The child units that a UNIT split reports on (each with its subtree); the unit itself when it has none. */
    List<OrgUnit> groupUnits() {
        List<OrgUnit> children = new ArrayList<>();
        for (OrgUnit u : units.values()) {
            if (u.parentId() != null && u.parentId().equals(unit.id())) {
                children.add(u);
            }
        }
        return children.isEmpty() ? List.of(unit) : children;
    }

    /** The ids of a unit's subtree, among the units the caller sees. */
    List<Long> subtreeIds(OrgUnit top) {
        return units.values().stream().filter(u -> u.isWithin(top)).map(u -> u.id().value()).toList();
    }

    /**
     * The SQL expression of the group key for a moment column ({@code a.at} in the report, the anchor column in
     * a drill-down); for UNIT the child unit's code, with orders of the unit itself under its own code.
     */
    String groupKey(String moment, Map<String, Object> params) {
        return switch (groupBy) {
            case TYPE -> "f.type";
            case CHANNEL -> "f.channel";
            case CATEGORY -> "f.category_code";
            case STAFF -> "coalesce(f.handler, f.created_by)";
            case TEAM -> teamKey("coalesce(f.handler, f.created_by)", params);
            case DAY -> "to_char((" + moment + " at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD')";
            case WEEK -> "to_char(date_trunc('week', " + moment + " at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')";
            case MONTH -> "to_char((" + moment + " at time zone 'Asia/Shanghai')::date, 'YYYY-MM')";
            case UNIT -> {
                StringBuilder sql = new StringBuilder("case");
                int i = 0;
                for (OrgUnit child : groupUnits()) {
                    if (child.equals(unit)) {
                        continue;
                    }
                    sql.append(" when f.unit_id = any(:g").append(i).append(") then :k").append(i);
                    params.put("g" + i, subtreeIds(child).toArray(Long[]::new));
                    params.put("k" + i, child.code());
                    i++;
                }
                params.put("kSelf", unit.code());
                // a unit without children (a team, a station without teams) reports on itself alone
                yield i == 0 ? ":kSelf" : sql.append(" else :kSelf end").toString();
            }
        };
    }

    /** The group key over the daily rollup {@code kpi_rollup f}: the same keys as {@link #groupKey}. */
    String rollupGroupKey(Map<String, Object> params) {
        return switch (groupBy) {
            case DAY -> "to_char(f.day, 'YYYY-MM-DD')";
            case WEEK -> "to_char(date_trunc('week', f.day), 'YYYY-MM-DD')";
            case MONTH -> "to_char(f.day, 'YYYY-MM')";
            case STAFF -> "f.staff";
            case TEAM -> teamKey("f.staff", params);
            default -> groupKey(null, params);
        };
    }

    /** The team code of the staff member {@code staff} (an SQL expression), {@link #NO_TEAM} for none. */
    private String teamKey(String staff, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("case");
        int i = 0;
        for (Map.Entry<String, List<String>> team : teams.members().entrySet()) {
            if (team.getValue().isEmpty()) {
                continue;
            }
            sql.append(" when ").append(staff).append(" = any(:tm").append(i).append(") then :tk").append(i);
            params.put("tm" + i, team.getValue().toArray(String[]::new));
            params.put("tk" + i, team.getKey());
            i++;
        }
        params.put("tkNone", NO_TEAM);
        return i == 0 ? ":tkNone" : sql.append(" else :tkNone end").toString();
    }

    Map<String, OrgUnit> unitsByCode() {
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        units.values().forEach(u -> byCode.put(u.code(), u));
        return byCode;
    }
}
