package org.gridcare.performance;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** The performance console: rankings and team cards, a card with its drill-down and trend, adjustments, schemes. */
@ConsoleController
@RequestMapping("/performance")
@PreAuthorize("isAuthenticated()")
class PerformanceConsoleController {

    private final Scorecards scorecards;
    private final Schemes schemes;
    private final PerformanceExcel excel;
    private final MessageSource messages;
    private final ObjectMapper json;

    PerformanceConsoleController(Scorecards scorecards, Schemes schemes, PerformanceExcel excel,
                                 MessageSource messages, ObjectMapper json) {
        this.scorecards = scorecards;
        this.schemes = schemes;
        this.excel = excel;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String ranking(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String position, @RequestParam(required = false) String team,
                   Model model) {
        Actor actor = Actors.required();
        model.addAttribute("month", month == null || month.isBlank() ? scorecards.currentMonth().toString() : month);
        model.addAttribute("unit", unit);
        model.addAttribute("position", position);
        model.addAttribute("team", team);
        model.addAttribute("positions", schemes.positions());
        try {
            model.addAttribute("cards", scorecards.ranking(month, unit, position, team, actor));
            model.addAttribute("teams", scorecards.teams(month, unit, actor));
            model.addAttribute("recognition", scorecards.recognition(month, actor));
            model.addAttribute("closed", scorecards.closed(scorecards.month(month)));
            if (Scorecards.MANAGERS.stream().anyMatch(actor::hasRole)) {
                model.addAttribute("pending", scorecards.pendingAdjustments(actor));
            }
        } catch (DomainException e) {
            model.addAttribute("actionError", describe(e));
        }
        return "performance/ranking";
    }

    @GetMapping("/mine")
    String mine(@RequestParam(required = false) String month, Model model) {
        try {
            Scorecard card = scorecards.card(month, null, Actors.required());
            return "redirect:/performance/scorecards/" + card.id();
        } catch (NotFoundException e) {
            model.addAttribute("month", month == null || month.isBlank() ? scorecards.currentMonth().toString()
                    : month);
            return "performance/none";
        } catch (DomainException e) {
            model.addAttribute("month", month);
            model.addAttribute("actionError", describe(e));
            return "performance/none";
        }
    }

    @GetMapping("/scorecards/{id:\\d+}")
    String card(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        Scorecard card = scorecards.card(id, actor);
        model.addAttribute("card", card);
        model.addAttribute("complaints", scorecards.complaintsOf(id, actor));
        List<Scorecard> trend = scorecards.trend(card.staff(), card.month(), 12, actor);
        model.addAttribute("trend", trendChart(trend));
        model.addAttribute("manager", Scorecards.MANAGERS.stream().anyMatch(actor::hasRole)
                && !card.staff().equals(actor.username()));
        return "performance/card";
    }

    @PostMapping("/scorecards/{id:\\d+}/adjustments")
    @PreAuthorize(PerformanceApiController.MANAGERS)
    String propose(@PathVariable long id, @RequestParam(required = false) BigDecimal points,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            scorecards.propose(id, points, reason, Actors.required());
            redirect.addFlashAttribute("notice", "performance.adjustment.proposed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        return "redirect:/performance/scorecards/" + id;
    }

    @PostMapping("/adjustments/{id:\\d+}/{decision:approve|reject}")
    @PreAuthorize(PerformanceApiController.MANAGERS)
    String review(@PathVariable long id, @PathVariable String decision,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String note,
                  @RequestParam(required = false) Long card, RedirectAttributes redirect) {
        try {
            scorecards.review(id, decision.equals("approve"), version, note, Actors.required());
            redirect.addFlashAttribute("notice", "performance.adjustment." + decision + "d");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        return card == null ? "redirect:/performance" : "redirect:/performance/scorecards/" + card;
    }

    @PostMapping("/compute")
    @PreAuthorize(PerformanceApiController.MANAGERS)
    String compute(@RequestParam(required = false) String month, RedirectAttributes redirect) {
        try {
            int cards = scorecards.computeNow(scorecards.month(month), Actors.required());
            redirect.addFlashAttribute("notice", "performance.computed");
            redirect.addFlashAttribute("noticeArg", cards);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("month", month == null ? "" : month);
        return "redirect:/performance";
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String position, @RequestParam(required = false) String team,
                HttpServletResponse response) throws IOException {
        excel.write(scorecards.ranking(month, unit, position, team, Actors.required()),
                scorecards.month(month).toString(), response);
    }

    @GetMapping("/schemes")
    String schemes(@RequestParam(required = false) String month, Model model) {
        model.addAttribute("month", month == null || month.isBlank() ? scorecards.currentMonth().toString() : month);
        model.addAttribute("nextMonth", scorecards.currentMonth().plusMonths(1).toString());
        model.addAttribute("components", ScoreComponent.values());
        try {
            model.addAttribute("schemes", schemes.inForce(month));
        } catch (DomainException e) {
            model.addAttribute("actionError", describe(e));
            model.addAttribute("schemes", schemes.inForce(null));
        }
        model.addAttribute("all", schemes.all());
        return "performance/schemes";
    }

    @PostMapping("/schemes")
    @PreAuthorize(PerformanceApiController.MANAGERS)
    String saveScheme(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            List<NewScheme.Item> items = new ArrayList<>();
            for (ScoreComponent c : ScoreComponent.values()) {
                items.add(new NewScheme.Item(c, decimal(form, "weight." + c), decimal(form, "target." + c),
                        decimal(form, "step." + c)));
            }
            Scheme saved = schemes.save(new NewScheme(form.get("position"), form.get("effectiveMonth"),
                    decimal(form, "gradeA"), decimal(form, "gradeB"), decimal(form, "gradeC"), items,
                    form.get("note")), Actors.required());
            redirect.addFlashAttribute("notice", "performance.scheme.saved");
            redirect.addFlashAttribute("noticeArg", saved.position() + " " + saved.effectiveMonth());
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        return "redirect:/performance/schemes";
    }

    private static BigDecimal decimal(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw org.gridcare.shared.InvalidInputException.of(name, "validation.performance.number", v);
        }
    }

    /** The trend chart's spec: months, the total and each component's points. */
    private String trendChart(List<Scorecard> trend) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("keys", trend.stream().map(Scorecard::month).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("name", messages.getMessage("performance.field.total", null, locale),
                "data", trend.stream().map(c -> c.total() == null ? "-" : c.total().toPlainString()).toList()));
        for (ScoreComponent comp : ScoreComponent.values()) {
            series.add(Map.of("name", messages.getMessage("performance.component." + comp, null, locale),
                    "data", trend.stream().map(c -> c.components().stream().filter(v -> v.component() == comp)
                            .findFirst().map(v -> v.points() == null ? "-" : v.points().toPlainString())
                            .orElse("-")).toList()));
        }
        chart.put("series", series);
        return json.writeValueAsString(chart);
    }

    private String describe(DomainException e) {
        return FormErrors.describe(e, messages, "performance.field", LocaleContextHolder.getLocale());
    }
}
