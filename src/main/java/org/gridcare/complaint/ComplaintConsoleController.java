package org.gridcare.complaint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The complaint console: the queue with filters and the caller's notices, the case page with its lifecycle
 * forms (each a POST with the version seen, CSRF-protected; a refused move shows its message on the page and
 * changes nothing) and the hotspot heat map with the monthly trend.
 */
@ConsoleController
@RequestMapping("/complaints")
@PreAuthorize(ComplaintApiController.READERS)
class ComplaintConsoleController {

    private final Complaints complaints;
    private final MessageSource messages;
    private final ObjectMapper json;

    ComplaintConsoleController(Complaints complaints, MessageSource messages, ObjectMapper json) {
        this.complaints = complaints;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String grade,
                @RequestParam(required = false) String category, @RequestParam(required = false) String source,
                @RequestParam(required = false) String appeal, @RequestParam(required = false) Boolean overdue,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("result", complaints.find(parse(ComplaintStatus.class, status),
                parse(ComplaintGrade.class, grade), blank(category), parse(ComplaintSource.class, source), null, null,
                parse(AppealStatus.class, appeal), Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, null, null,
                PageQuery.of(Math.max(0, page), 20, "receivedAt,desc", Complaints.SORTS), actor));
        model.addAttribute("status", status);
        model.addAttribute("grade", grade);
        model.addAttribute("category", category);
        model.addAttribute("source", source);
        model.addAttribute("appeal", appeal);
        model.addAttribute("overdue", overdue);
        model.addAttribute("notices", complaints.notices(actor, 10));
        addChoices(model);
        return "complaint/list";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("complaint", complaints.get(id, Actors.required()));
        model.addAttribute("rootCauses", complaints.rootCauses().stream().filter(RootCause::enabled).toList());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        addChoices(model);
        return "complaint/detail";
    }

    @PostMapping("/{id:\\d+}/{move}")
    String move(@PathVariable long id, @PathVariable String move, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        Actor actor = Actors.required();
        try {
            Integer version = integer(form.get("version"));
            switch (move) {
                case "grade" -> complaints.grade(id, new ComplaintCommands.Grade(version,
                        parseRequired(ComplaintGrade.class, "grade", form.get("grade")), form.get("reason"),
                        checked(form, "injury"), checked(form, "media"), checked(form, "specialEvent"),
                        checked(form, "escalationRisk"), parse(ComplaintSource.class, form.get("source"))), actor);
                case "investigate" -> complaints.investigate(id, new ComplaintCommands.Investigate(version,
                        form.get("findings"), form.get("rootCause"),
                        parse(Responsibility.class, form.get("responsibility")), form.get("responsibleUnit"),
                        form.get("responsibleStaff"), form.get("category")), actor);
                case "approve" -> complaints.review(id, new ComplaintCommands.Review(version,
                        bool(form.get("approve")), form.get("comment")), actor);
                case "appeal" -> complaints.appeal(id, new ComplaintCommands.Appeal(version, form.get("reason")),
                        actor);
                case "decide-appeal" -> complaints.decideAppeal(id, new ComplaintCommands.AppealDecision(version,
                        bool(form.get("accept")), form.get("comment")), actor);
                case "add-action" -> complaints.addAction(id, new ComplaintCommands.NewAction(version,
                        form.get("description"), form.get("owner"), date("dueDate", form.get("dueDate"))), actor);
                case "close" -> complaints.close(id, new ComplaintCommands.Close(version), actor);
                default -> throw new NotFoundException("Action", move);
            }
            done(redirect, "complaint.move." + move);
        } catch (DomainException e) {
            refused(redirect, e);
        }
        redirect.addAttribute("id", id);
        return "redirect:/complaints/{id}";
    }

    @PostMapping("/{id:\\d+}/actions/{actionId:\\d+}/{step}")
    String actionStep(@PathVariable long id, @PathVariable long actionId, @PathVariable String step,
                      @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        try {
            var command = new ComplaintCommands.ActionStep(integer(form.get("version")), bool(form.get("passed")),
                    form.get("note"));
            switch (step) {
                case "complete" -> complaints.completeAction(id, actionId, command, actor);
                case "verify" -> complaints.verifyAction(id, actionId, command, actor);
                default -> throw new NotFoundException("Action", step);
            }
            done(redirect, "complaint.move." + step);
        } catch (DomainException e) {
            refused(redirect, e);
        }
        redirect.addAttribute("id", id);
        return "redirect:/complaints/{id}";
    }

    @PostMapping("/{id:\\d+}/attachments")
    String attach(@PathVariable long id, @RequestParam(required = false) String purpose,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            complaints.attach(id, parseRequired(EvidencePurpose.class, "purpose", purpose),
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
                    Actors.required());
            done(redirect, "complaint.move.attach");
        } catch (DomainException e) {
            refused(redirect, e);
        }
        redirect.addAttribute("id", id);
        return "redirect:/complaints/{id}";
    }

    @GetMapping("/{id:\\d+}/attachments/{fileId:\\d+}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        ComplaintRepository.File file = complaints.attachment(id, fileId, Actors.required());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping("/hotspots")
    String hotspots(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String unit,
                    @RequestParam(defaultValue = "afterAppeal") String measure, Model model) {
        String chosen = List.of("received", "substantiated", "afterAppeal").contains(measure) ? measure
                : "afterAppeal";
        model.addAttribute("measure", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unit", unit);
        try {
            Hotspots hot = complaints.hotspots(date("from", from), date("to", to), unit, Actors.required());
            model.addAttribute("hot", hot);
            model.addAttribute("heatmap", heatmapChart(hot, chosen));
            model.addAttribute("trend", trendChart(hot));
            model.addAttribute("rowTotals", hot.rows().stream()
                    .map(r -> r.cells().stream().mapToLong(cell -> value(cell, chosen)).sum()).toList());
        } catch (DomainException e) {
            model.addAttribute("actionError", FormErrors.describe(e, messages, "complaint.field",
                    LocaleContextHolder.getLocale()));
        }
        return "complaint/hotspots";
    }

    /** {units, categories, data: [[x, y, value]], max, label} for the ECharts heat map (see complaint-charts.js). */
    private String heatmapChart(Hotspots hot, String measure) {
        boolean zh = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
        List<String> units = hot.rows().stream().map(Hotspots.Row::unitName).toList();
        List<String> categories = hot.categories().stream().map(c -> zh ? c.name() : c.nameEn()).toList();
        List<List<Long>> data = new ArrayList<>();
        long max = 0;
        for (int y = 0; y < hot.rows().size(); y++) {
            List<Hotspots.Cell> cells = hot.rows().get(y).cells();
            for (int x = 0; x < cells.size(); x++) {
                long value = value(cells.get(x), measure);
                max = Math.max(max, value);
                data.add(List.of((long) x, (long) y, value));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", units);
        chart.put("categories", categories);
        chart.put("data", data);
        chart.put("max", max);
        chart.put("label", message("complaint.measure." + measure));
        return json.writeValueAsString(chart);
    }

    /** {keys, series: [{name, data}]} for the monthly trend line. */
    private String trendChart(Hotspots hot) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("keys", hot.trend().stream().map(Hotspots.Month::month).toList());
        chart.put("series", List.of(
                Map.of("name", message("complaint.measure.received"),
                        "data", hot.trend().stream().map(Hotspots.Month::received).toList()),
                Map.of("name", message("complaint.measure.substantiated"),
                        "data", hot.trend().stream().map(Hotspots.Month::substantiated).toList()),
                Map.of("name", message("complaint.measure.afterAppeal"),
                        "data", hot.trend().stream().map(Hotspots.Month::afterAppeal).toList())));
        return json.writeValueAsString(chart);
    }

    static long value(Hotspots.Cell cell, String measure) {
        return switch (measure) {
            case "received" -> cell.received();
            case "substantiated" -> cell.substantiated();
            default -> cell.afterAppeal();
        };
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private void done(RedirectAttributes redirect, String moveCode) {
        redirect.addFlashAttribute("notice", "complaint.done");
        redirect.addFlashAttribute("noticeArg", message(moveCode));
    }

    private void refused(RedirectAttributes redirect, DomainException e) {
        redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "complaint.field",
                LocaleContextHolder.getLocale()));
    }

    private void addChoices(Model model) {
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("grades", ComplaintGrade.values());
        model.addAttribute("sources", ComplaintSource.values());
        model.addAttribute("appeals", AppealStatus.values());
        model.addAttribute("responsibilities", Responsibility.values());
        model.addAttribute("purposes", EvidencePurpose.values());
        model.addAttribute("categories", complaints.categories());
    }

    private static boolean checked(Map<String, String> form, String name) {
        return "true".equals(form.get(name)) || "on".equals(form.get(name));
    }

    private static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("version", "validation.complaint.required");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.complaint.date", value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseRequired(Class<E> type, String field, String value) {
        E parsed = parse(type, value);
        if (parsed == null) {
            throw InvalidInputException.of(field, "validation.complaint.required");
        }
        return parsed;
    }
}
