package org.gridcare.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "KPIs", description = "考核指标 — service KPIs for any period and scope, their targets and the orders behind them")
class KpiApiController {

    private final Kpis kpis;
    private final KpiAdmin admin;

    KpiApiController(Kpis kpis, KpiAdmin admin) {
        this.kpis = kpis;
        this.admin = admin;
    }

    @GetMapping("/api/v1/kpis")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "KPIs of a period (from–to inclusive, Asia/Shanghai; default: this month) and scope",
            description = """
                    Returns {kpis:[{name, numerator, denominator, value, target, state}]} or, with groupBy
                    (unit, type, channel, category, staff, day, week, month), {groups:[{key, label, kpis}]}.
                    unit: a unit code (its whole subtree; default: the caller's scope); type, channel, category
                    (with its sub-categories), staff (orders the user accepted or handles) narrow the scope.
                    Administrators, managers and supervisors see their units; everyone else only their own numbers.
                    Complaints per 10,000 customers come in three figures over COMPLAINT orders received in the
                    period (not cancelled or merged): COMPLAINTS_PER_10K counts every complaint received,
                    COMPLAINTS_SUBSTANTIATED_PER_10K those whose complaint case was substantiated (有责) on review,
                    COMPLAINTS_AFTER_APPEAL_PER_10K those still substantiated after appeals (an accepted 申诉/核减
                    removes a case; the assessed figure). Their denominator is the number of customers of the units
                    in scope; category (split or filter) is the complaint case's category as corrected by the
                    investigation. ERROR_RATE counts the orders inspected (scored) in the period with a confirmed
                    error, QUALITY_SCORE_MEAN their mean score (quality module).""")
    KpiReport report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(required = false) String unit, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
                     @RequestParam(required = false) String staff, @RequestParam(required = false) String groupBy,
                     @Parameter(description = "Only these KPIs, comma-separated (default: all)")
                     @RequestParam(required = false) List<String> kpis) {
        return this.kpis.report(new KpiQuery(from, to, unit, type, channel, category, staff, groupBy),
                kpis == null ? null : kpis.stream().map(String::trim).filter(k -> !k.isEmpty()).toList(),
                Actors.required());
    }

    @GetMapping("/api/v1/kpis/{kpi}/orders")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The orders behind a KPI figure: part=numerator (default) or denominator; group=key of a split report")
    PageResult<KpiOrder> orders(@PathVariable String kpi, @RequestParam(required = false) String part,
                                @RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to,
                                @RequestParam(required = false) String unit,
                                @RequestParam(required = false) String type,
                                @RequestParam(required = false) String channel,
                                @RequestParam(required = false) String category,
                                @RequestParam(required = false) String staff,
                                @RequestParam(required = false) String groupBy,
                                @RequestParam(required = false) String group,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return kpis.orders(new KpiQuery(from, to, unit, type, channel, category, staff, groupBy), kpi, part, group,
                page, size, Actors.required());
    }

    @GetMapping("/api/v1/kpis/definitions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The KPI formulas: anchor moment, denominator and numerator conditions over the facts")
    List<KpiDefinition> definitions() {
        return kpis.definitions();
    }

    @GetMapping("/api/v1/kpi-targets")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')")
    @Operation(summary = "Targets: the company defaults and those of units within the caller's scope")
    List<KpiTarget> targets() {
        return admin.targets(Actors.required());
    }

    /** A target as the API takes it. */
    record TargetRequest(String kpi, String unit, String comparison, BigDecimal target, BigDecimal amberBand,
                         String note) {
    }

    @PutMapping("/api/v1/kpi-targets")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Set a KPI's target for a unit subtree (unit empty: the company default, administrators only)")
    KpiTarget saveTarget(@RequestBody TargetRequest request) {
        return admin.saveTarget(request.kpi(), request.unit(), request.comparison(), request.target(),
                request.amberBand(), request.note(), Actors.required());
    }

    @DeleteMapping("/api/v1/kpi-targets/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Remove a target (the unit falls back to its parent's or the default)")
    void deleteTarget(@PathVariable long id) {
        admin.deleteTarget(id, Actors.required());
    }

    @GetMapping("/api/v1/kpi-settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')")
    @Operation(summary = "Settings of the formulas (RESPONSE_HOURS, BASICALLY_SATISFIED_COUNTS)")
    Map<String, String> settings() {
        return admin.settings();
    }

    /** A setting's new value. */
    record SettingRequest(String value) {
    }

    @PutMapping("/api/v1/kpi-settings/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a formula setting")
    void saveSetting(@PathVariable String name, @RequestBody SettingRequest request) {
        admin.saveSetting(name, request == null ? null : request.value(), Actors.required());
    }

    /** How many facts a rebuild wrote. */
    record Rebuilt(long orders) {
    }

    @PostMapping("/api/v1/kpis/facts/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Recompute every KPI fact from the work order and SLA reporting views (audited)")
    Rebuilt rebuild() {
        return new Rebuilt(admin.rebuildAll(Actors.required()));
    }
}
