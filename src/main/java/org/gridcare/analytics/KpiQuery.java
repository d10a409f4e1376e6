package org.gridcare.analytics;

import java.time.LocalDate;

/**
 * What a KPI report covers: the calendar days {@code from}–{@code to} (inclusive, Asia/Shanghai; both empty:
 * the current month), the scope (a unit's subtree by code — empty: the caller's whole scope — and optionally
 * an order type, channel, category subtree or staff member) and how to split it ({@code groupBy}, empty: not
 * split). Text values are checked by the engine, which answers 400 naming the field.
 */
public record KpiQuery(LocalDate from, LocalDate to, String unit, String type, String channel, String category,
                       String staff, String groupBy) {

    public static KpiQuery period(LocalDate from, LocalDate to) {
        return new KpiQuery(from, to, null, null, null, null, null, null);
    }

    public KpiQuery withGroupBy(String group) {
        return new KpiQuery(from, to, unit, type, channel, category, staff, group);
    }

    public KpiQuery withUnit(String unitCode) {
        return new KpiQuery(from, to, unitCode, type, channel, category, staff, groupBy);
    }
}
