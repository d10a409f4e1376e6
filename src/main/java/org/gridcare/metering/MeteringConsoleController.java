package org.gridcare.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Metering in the console: the import page (upload, history with progress bars that poll while an
 * import runs, so a reload or a second browser shows the same progress), one import's row report, and
 * a customer's consumption analysis with ECharts (wired by /js/metering.js, no inline script).
 */
@ConsoleController

class MeteringConsoleController {

    private static final int HISTORY_SIZE = 20;
    private static final int REPORT_SIZE = 200;

    private final ReadingImports imports;
    private final ConsumptionAnalyst analyst;
    private final AnomalyOrders anomalyOrders;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    MeteringConsoleController(ReadingImports imports, ConsumptionAnalyst analyst, AnomalyOrders anomalyOrders,
                              MessageSource messages, ObjectMapper json, Clock clock) {
        this.imports = imports;
        this.analyst = analyst;
        this.anomalyOrders = anomalyOrders;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/metering/imports")
    @PreAuthorize(MeteringApiController.IMPORTERS)
    String imports(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("history", imports.recent(PageQuery.of(page, HISTORY_SIZE, null, Map.of("createdAt", "created_at")), Actors.required()));
        model.addAttribute("kinds", ReadingKind.values());
        return "metering/imports";
    }

    @PostMapping("/metering/imports")
    @PreAuthorize(MeteringApiController.IMPORTERS)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String kind,
                  Model model) {
        try {
            long id = imports.submit(file, kind, Actors.required());
            return "redirect:/metering/imports/" + id;
        } catch (InvalidInputException e) {
            Locale locale = LocaleContextHolder.getLocale();
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.put(v.field(), messages.getMessage(v.messageCode(), v.arguments(), locale)));
            model.addAttribute("errors", errors);
            model.addAttribute("selectedKind", kind);
            return imports(null, model);
        } catch (org.gridcare.shared.ConflictException e) {
            model.addAttribute("errors", Map.of("file", messages.getMessage(e.messageCode(), e.arguments(),
                    LocaleContextHolder.getLocale())));
            return imports(null, model);
        }
    }

    @GetMapping("/metering/imports/{id}")
    @PreAuthorize(MeteringApiController.IMPORTERS)
    String report(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        ImportView view = imports.get(id, Actors.required());
        int current = page == null ? 0 : Math.max(0, page);
        Locale locale = LocaleContextHolder.getLocale();
        List<ProblemLine> problems = imports.problems(id, current * REPORT_SIZE, REPORT_SIZE).stream()
                .map(p -> new ProblemLine(p.line(), p.field(), p.code(), messages.getMessage("metering.problem." + p.code(),
                        p.arguments().toArray(), p.code(), locale))).toList();
        long total = imports.problemCount(id);
        model.addAttribute("run", view);
        model.addAttribute("problems", problems);
        model.addAttribute("problemsTotal", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", (total + REPORT_SIZE - 1) / REPORT_SIZE);
        return "metering/import";
    }

    /** The progress bar alone, polled by htmx while the import is open; the page reloads once it has finished. */
    @GetMapping("/metering/imports/{id}/progress")
    @PreAuthorize(MeteringApiController.IMPORTERS)
    String progress(@PathVariable long id, @RequestParam(required = false) String standalone, Model model,
                    HttpServletResponse response) {
        ImportView view = imports.get(id, Actors.required());
        if (!view.open() && standalone == null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", view);
        return "metering/import :: progress";
    }

    record ProblemLine(long line, String field, String code, String message) {
    }

    @GetMapping("/metering/customers/{number}")
    @PreAuthorize(MeteringApiController.READERS)
    String analysis(@PathVariable String number,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    Model model) {
        Actor actor = Actors.required();
        ConsumptionAnalysis analysis;
        try {
            analysis = analyst.analyse(number, from, to, actor);
        } catch (InvalidInputException e) {
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute("rangeError", messages.getMessage(e.violations().get(0).messageCode(),
                    e.violations().get(0).arguments(), locale));
            analysis = analyst.analyse(number, null, null, actor);
        }
        model.addAttribute("analysis", analysis);
        model.addAttribute("anomalyOrders", anomalyOrders.ordersOf(analysis.customerNumber()));
        model.addAttribute("chartData", json.writeValueAsString(Map.of(
                "daily", analysis.daily(), "monthly", analysis.monthly(),
                "profile", analysis.loadProfile() == null ? Map.of() : analysis.loadProfile(),
                "tou", analysis.touShares() == null ? Map.of() : analysis.touShares(),
                "peers", analysis.peers() == null ? Map.of() : analysis.peers())));
        return "metering/analysis";
    }

    /**
     * One click on an anomaly: its READING_ANOMALY order is raised (or the one raised before is found) and shown.
     * {@code from}/{@code to} are the range of the analysis the button was on, so the server finds the same anomaly.
     */
    @PostMapping("/metering/customers/{number}/anomalies/{key}/order")
    @PreAuthorize(MeteringApiController.ORDER_RAISERS)
    String raiseOrder(@PathVariable String number, @PathVariable String key,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      RedirectAttributes redirect) {
        AnomalyOrders.Raised raised = anomalyOrders.raise(number, key, from, to, Actors.required());
        redirect.addFlashAttribute("notice", raised.created() ? "metering.anomalyOrder.created" : "metering.anomalyOrder.existing");
        redirect.addFlashAttribute("noticeArg", raised.orderNumber());
        return "redirect:/work-orders/" + raised.orderNumber();
    }

    /** The consumption card of the agent's intake view, an htmx fragment the intake page loads for its customer. */
    @GetMapping("/metering/customers/{number}/card")
    @PreAuthorize(MeteringApiController.READERS)
    String card(@PathVariable String number, Model model) {
        ConsumptionCard card = analyst.card(number, LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE), Actors.required());
        model.addAttribute("card", card);
        model.addAttribute("anomalyOrders", anomalyOrders.ordersOf(card.customerNumber()));
        return "metering/card :: card";
    }
}
