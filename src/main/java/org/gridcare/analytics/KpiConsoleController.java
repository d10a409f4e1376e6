package org.gridcare.analytics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.workorder.Channel;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The KPI dashboard (指标看板): tiles against their targets, the trend, a breakdown, rankings of units and staff,
 * the orders behind every number, an Excel export of every table and a printable page. The charts are drawn
 * by {@code /js/kpi-dashboard.js} from JSON in data attributes (the CSP allows no inline scripts).
 */
@ConsoleController
@PreAuthorize("isAuthenticated()")
class KpiConsoleController {

    /** The KPIs of the tables (trend, breakdown, rankings). */
    static final List<String> TABLE_KPIS = List.of("ORDERS_RECEIVED", "RESPONSE_24H", "ON_TIME", "SATISFACTION",
            "FIRST_CONTACT_RESOLUTION", "REPAIR_ARRIVAL_ON_TIME", "OVERDUE", "ERROR_RATE");
    /** The lines of the trend chart (percentages); orders received are its bars. */
    static final List<String> TREND_LINES = List.of("RESPONSE_24H", "ON_TIME", "SATISFACTION",
            "FIRST_CONTACT_RESOLUTION");
    static final Set<String> TABLES = Set.of("tiles", "trend", "breakdown", "units", "staff", "orders");
    static final int EXPORT_MAX_ORDERS = 10_000;

    private final Kpis kpis;
    private final OrgUnits units;
    private final WorkOrders workOrders;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    KpiConsoleController(Kpis kpis, OrgUnits units, WorkOrders workOrders, MessageSource messages, ObjectMapper json,
                         Clock clock) {
        this.kpis = kpis;
        this.units = units;
        this.workOrders = workOrders;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/kpis")
    String dashboard(@ModelAttribute("form") DashboardForm form, BindingResult binding, Model model) {
        return render(form, binding, model, "analytics/dashboard");
    }

    @GetMapping("/kpis/print")
    String print(@ModelAttribute("form") DashboardForm form, BindingResult binding, Model model) {
        return render(form, binding, model, "analytics/print");
    }

    private String render(DashboardForm form, BindingResult binding, Model model, String view) {
        Actor actor = Actors.required();
        filters(actor, model);
        if (binding.hasErrors()) {
            return view;
        }
        try {
            model.addAttribute("board", board(form, actor));
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        }
        return view;
    }

    /** Everything the dashboard shows, computed with the caller's scope. */
    Board board(DashboardForm form, Actor actor) {
        LocalDate today = today();
        KpiQuery query = form.query(today);
        KpiReport tiles = kpis.report(query, actor);
        LocalDate[] days = form.days(today);
        String trend = form.trendFor(days[0], days[1]);
        // the chart and the tables show TABLE_KPIS only: their reports skip the other KPIs (and the medians)
        KpiReport trendReport = kpis.report(query.withGroupBy(trend), TABLE_KPIS, actor);
        String breakdown = form.breakdownOrDefault();
        KpiReport breakdownReport = kpis.report(query.withGroupBy(breakdown), TABLE_KPIS, actor);
        boolean unitFigures = Kpis.UNIT_ROLES.stream().anyMatch(actor::hasRole);
        KpiReport unitReport = breakdown.equals("unit") ? breakdownReport
                : unitFigures ? kpis.report(query.withGroupBy("unit"), TABLE_KPIS, actor) : null;
        KpiReport staffReport = unitFigures ? kpis.report(query.withGroupBy("staff"), TABLE_KPIS, actor) : null;
        String rankBy = TABLE_KPIS.contains(form.getRankBy()) ? form.getRankBy() : "ON_TIME";
        Map<String, String> parameters = form.parameters(today);
        return new Board(tiles, trend, trendReport, breakdown, breakdownReport, rankBy,
                unitReport == null ? List.of() : ranking(unitReport, rankBy),
                staffReport == null ? List.of() : ranking(staffReport, rankBy), parameters,
                chartJson(trendReport), breakdownChartJson(breakdownReport), query(parameters));
    }

    /** What the dashboard template shows. */
    record Board(KpiReport tiles, String trend, KpiReport trendReport, String breakdown, KpiReport breakdownReport,
                 String rankBy, List<KpiReport.Group> unitRanking, List<KpiReport.Group> staffRanking,
                 Map<String, String> parameters, String trendChart, String breakdownChart, String query) {

        public List<String> tableKpis() {
            return TABLE_KPIS;
        }
    }

    /** Groups with a value of the KPI, best first (higher is better unless its target says lower). */
    private static List<KpiReport.Group> ranking(KpiReport report, String kpi) {
        List<KpiReport.Group> ranked = new ArrayList<>(report.groups().stream()
                .filter(g -> value(g, kpi) != null).toList());
        boolean lowerIsBetter = ranked.stream().map(g -> kpiOf(g, kpi).comparison()).filter(Objects::nonNull)
                .anyMatch(c -> c.startsWith("<")) || kpi.equals("OVERDUE");
        Comparator<KpiReport.Group> byValue = Comparator.comparing(g -> value(g, kpi));
        ranked.sort(lowerIsBetter ? byValue : byValue.reversed());
        return ranked;
    }

    private static BigDecimal value(KpiReport.Group g, String kpi) {
        return kpiOf(g, kpi).value();
    }

    private static KpiValue kpiOf(KpiReport.Group g, String kpi) {
        return g.kpis().stream().filter(k -> k.name().equals(kpi)).findFirst().orElseThrow();
    }

    private String chartJson(KpiReport report) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("keys", report.groups().stream().map(KpiReport.Group::key).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(report, "ORDERS_RECEIVED", "bar"));
        TREND_LINES.forEach(k -> series.add(series(report, k, "line")));
        chart.put("series", series);
        return json.writeValueAsString(chart);
    }

    private String breakdownChartJson(KpiReport report) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("keys", report.groups().stream().map(KpiReport.Group::label).toList());
        chart.put("series", List.of(series(report, "ORDERS_RECEIVED", "bar")));
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> series(KpiReport report, String kpi, String kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", report.groups().isEmpty() ? kpi : kpiOf(report.groups().get(0), kpi).label());
        s.put("type", kind);
        s.put("percent", !kpi.equals("ORDERS_RECEIVED"));
        s.put("data", report.groups().stream().map(g -> value(g, kpi)).toList());
        return s;
    }

    // ---- drill-down

    @GetMapping("/kpis/orders")
    String orders(@RequestParam String kpi, @RequestParam(required = false) String part,
                  @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String staff, @RequestParam(required = false) String groupBy,
                  @RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        Actor actor = Actors.required();
        KpiQuery query = new KpiQuery(from, to, unit, type, channel, category, staff, groupBy);
        model.addAttribute("kpi", kpi);
        model.addAttribute("part", part == null || part.isBlank() ? "numerator" : part);
        model.addAttribute("group", group);
        try {
            model.addAttribute("definition", kpis.definitions().stream().filter(d -> d.name().equals(kpi))
                    .findFirst().orElse(null));
            PageResult<KpiOrder> result = kpis.orders(query, kpi, part, group, Math.max(0, page), 50, actor);
            model.addAttribute("result", result);
            model.addAttribute("scope", kpis.scope(query, actor));
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("errorMessage", message(e));
        }
        return "analytics/orders";
    }

    // ---- Excel

    @GetMapping("/kpis/export")
    void export(@RequestParam String table, @ModelAttribute("form") DashboardForm form,
                @RequestParam(required = false) String kpi, @RequestParam(required = false) String part,
                @RequestParam(required = false) String staff, @RequestParam(required = false) String groupBy,
                @RequestParam(required = false) String group, HttpServletResponse response) throws IOException {
        Actor actor = Actors.required();
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        if (!TABLES.contains(table)) {
            throw org.gridcare.shared.InvalidInputException.of("table", "validation.kpi.unknownValue", table,
                    String.join(", ", TABLES));
        }
        if (table.equals("orders")) {
            KpiQuery query = new KpiQuery(form.getFrom(), form.getTo(), form.getUnit(), form.getType(),
                    form.getChannel(), form.getCategory(), staff, groupBy);
            header.addAll(List.of(msg("kpi.order.number", locale), msg("kpi.order.type", locale),
                    msg("kpi.order.channel", locale), msg("kpi.order.category", locale), msg("kpi.order.unit", locale),
                    msg("kpi.order.handler", locale), msg("kpi.order.status", locale),
                    msg("kpi.order.acceptedAt", locale), msg("kpi.order.firstResponseAt", locale),
                    msg("kpi.order.closedAt", locale), msg("kpi.order.visitResult", locale),
                    msg("kpi.order.breached", locale)));
            int page = 0;
            while (rows.size() < EXPORT_MAX_ORDERS) {
                PageResult<KpiOrder> result = kpis.orders(query, kpi, part, group, page++, 200, actor);
                for (KpiOrder o : result.items()) {
                    rows.add(List.of(o.number(), o.type(), o.channel(), o.categoryCode(), nz(o.unitCode()),
                            nz(o.handler()), o.status(), ConsoleText.time(o.acceptedAt()),
                            ConsoleText.time(o.firstResponseAt()), ConsoleText.time(o.closedAt()), nz(o.visitResult()),
                            o.breached() ? msg("kpi.yes", locale) : msg("kpi.no", locale)));
                }
                if (result.items().size() < 200) {
                    break;
                }
            }
        } else {
            Board board = board(form, actor);
            if (table.equals("tiles")) {
                header.addAll(List.of(msg("kpi.column.kpi", locale), msg("kpi.column.numerator", locale),
                        msg("kpi.column.denominator", locale), msg("kpi.column.value", locale),
                        msg("kpi.column.target", locale), msg("kpi.column.state", locale)));
                for (KpiValue k : board.tiles().kpis()) {
                    rows.add(java.util.Arrays.asList(k.label(), k.numerator(), k.denominator(), k.value(),
                            k.target() == null ? null : k.comparison() + " " + k.target().toPlainString(),
                            msg("kpi.state." + k.state(), locale)));
                }
            } else {
                List<KpiReport.Group> groups = switch (table) {
                    case "trend" -> board.trendReport().groups();
                    case "breakdown" -> board.breakdownReport().groups();
                    case "units" -> board.unitRanking();
                    default -> board.staffRanking();
                };
                header.add(msg("kpi.column.group", locale));
                TABLE_KPIS.forEach(k -> header.add(label(k, locale)));
                for (KpiReport.Group g : groups) {
                    List<Object> row = new ArrayList<>();
                    row.add(g.label());
                    TABLE_KPIS.forEach(k -> row.add(kpiOf(g, k).value()));
                    rows.add(row);
                }
            }
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("kpi-" + table + "-" + today() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        KpiExcel.write(table, header, rows, response.getOutputStream());
    }

    // ---- helpers

    private void filters(Actor actor, Model model) {
        boolean unitFigures = Kpis.UNIT_ROLES.stream().anyMatch(actor::hasRole);
        model.addAttribute("unitFigures", unitFigures);
        model.addAttribute("units", unitFigures ? units.visibleTo(actor) : List.of());
        model.addAttribute("types", WorkOrderType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", workOrders.categories());
        model.addAttribute("periods", DashboardForm.PERIODS);
        model.addAttribute("trends", DashboardForm.TRENDS);
        model.addAttribute("breakdowns", DashboardForm.BREAKDOWNS);
        model.addAttribute("tableKpis", TABLE_KPIS);
    }

    private static String query(Map<String, String> parameters) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        parameters.forEach(b::queryParam);
        String q = b.build().encode().toUriString();
        return q.startsWith("?") ? q.substring(1) : q;
    }

    private String label(String kpi, Locale locale) {
        return kpis.definitions().stream().filter(d -> d.name().equals(kpi)).findFirst().map(d -> d.label(locale))
                .orElse(kpi);
    }

    private String msg(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private String message(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof org.gridcare.shared.InvalidInputException invalid && !invalid.violations().isEmpty()) {
            var v = invalid.violations().get(0);
            return messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale);
        }
        return messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
    }

    /** Moments as the console shows them (Asia/Shanghai). */
    static final class ConsoleText {
        private static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

        private ConsoleText() {
        }

        static String time(Instant at) {
            return at == null ? "" : FORMAT.format(at);
        }
    }
}
