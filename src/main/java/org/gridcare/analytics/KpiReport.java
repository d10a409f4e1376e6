package org.gridcare.analytics;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code GET /api/v1/kpis}: {@code kpis} for the whole scope, or {@code groups} when split. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiReport(LocalDate from, LocalDate to, String unit, String unitName, String groupBy,
                        List<KpiValue> kpis, List<Group> groups) {

    /** One group of a split report: its key (unit code, type, yyyy-MM-dd, …), its label and its figures. */
    public record Group(String key, String label, List<KpiValue> kpis) {
    }

    public KpiValue kpi(String name) {
        return kpis.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }
}
