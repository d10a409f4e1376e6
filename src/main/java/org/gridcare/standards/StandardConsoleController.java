package org.gridcare.standards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridcare.identity.Role;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.sla.ClockClause;
import org.gridcare.sla.ClockClauses;
import org.gridcare.standards.StandardCommands.ActionInput;
import org.gridcare.standards.StandardCommands.DraftInput;
import org.gridcare.standards.StandardCommands.NewStandard;
import org.gridcare.standards.StandardCommands.VersionAction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The standards console: the library with my acknowledgement tasks, a standard's page (text in force, versions,
 * clauses, acknowledgements, proposals, attachments), a version's page with its review moves, the draft editor,
 * the diff, the compliance dashboard and the evaluation report.
 */
@ConsoleController
@RequestMapping("/standards")
@PreAuthorize("isAuthenticated()")
class StandardConsoleController {

    private static final String CODE = "/{code:[A-Za-z0-9-]+}";

    private final Standards standards;
    private final Compliance compliance;
    private final ClockClauses clockClauses;
    private final MessageSource messages;
    private final ObjectMapper json;

    StandardConsoleController(Standards standards, Compliance compliance, ClockClauses clockClauses,
                              MessageSource messages, ObjectMapper json) {
        this.standards = standards;
        this.compliance = compliance;
        this.clockClauses = clockClauses;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String library(@RequestParam(required = false) String category, Model model) {
        StandardCategory chosen = parse(category);
        Actor actor = Actors.required();
        model.addAttribute("standards", standards.library(chosen));
        model.addAttribute("category", chosen);
        model.addAttribute("categories", StandardCategory.values());
        model.addAttribute("tasks", standards.tasks(actor));
        model.addAttribute("notices", standards.notices(actor).stream().limit(10).toList());
        return "standards/library";
    }

    @PostMapping("/notices/read")
    String markRead(RedirectAttributes redirect) {
        standards.markNoticesRead(Actors.required());
        return "redirect:/standards";
    }

    @GetMapping("/new")
    @PreAuthorize(StandardApiController.EDITORS)
    String initCreateForm(Model model) {
        model.addAttribute("standardForm", new StandardForm());
        addChoices(model);
        return "standards/form";
    }

    @PostMapping("/new")
    @PreAuthorize(StandardApiController.EDITORS)
    String processCreateForm(@ModelAttribute("standardForm") StandardForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        try {
            StandardViews.Detail created = standards.create(form.command(), Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
            redirect.addAttribute("code", created.code());
            return "redirect:/standards/{code}/versions/1";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
        }
        addChoices(model);
        return "standards/form";
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Integer weeks, Model model) {
        Compliance.Dashboard dashboard = compliance.dashboard(weeks == null ? 12 : Math.max(1, Math.min(52, weeks)),
                Actors.required());
        model.addAttribute("dashboard", dashboard);
        Map<String, String> charts = new HashMap<>();
        var locale = LocaleContextHolder.getLocale();
        for (Compliance.StandardCompliance s : dashboard.standards()) {
            // the shape kpi-dashboard.js draws: bars on the left axis (orders), lines on the right (percent)
            charts.put(s.code(), json.writeValueAsString(Map.of(
                    "keys", s.trend().stream().map(w -> w.week().toString()).toList(),
                    "series", List.of(
                            Map.of("name", messages.getMessage("standards.dashboard.orders", null, locale),
                                    "type", "bar", "percent", false,
                                    "data", s.trend().stream().map(Compliance.Week::judged).toList()),
                            Map.of("name", messages.getMessage("standards.dashboard.rate", null, locale),
                                    "type", "line", "percent", true,
                                    "data", s.trend().stream().map(w -> w.rate() == null ? 0.0 : w.rate()).toList()),
                            Map.of("name", messages.getMessage("standards.dashboard.inspectionRate", null, locale),
                                    "type", "line", "percent", true,
                                    "data", s.trend().stream().map(w -> w.inspectionRate() == null ? 0.0
                                            : w.inspectionRate()).toList())))));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("minOrders", Compliance.MIN_ORDERS_TO_RANK);
        return "standards/dashboard";
    }

    @GetMapping(CODE)
    String detail(@PathVariable String code, Model model) {
        model.addAttribute("standard", standards.detail(code, Actors.required()));
        return "standards/standard";
    }

    @GetMapping(CODE + "/versions/{number:\\d+}")
    String version(@PathVariable String code, @PathVariable int number, Model model) {
        StandardViews.VersionDetail version = standards.version(code, number, Actors.required());
        model.addAttribute("version", version);
        model.addAttribute("standard", standards.detail(code, Actors.required()));
        return "standards/version";
    }

    @PostMapping(CODE + "/revise")
    String revise(@PathVariable String code, RedirectAttributes redirect) {
        try {
            StandardViews.VersionDetail draft = standards.newRevision(code, null, Actors.required());
            redirect.addAttribute("code", draft.code());
            redirect.addAttribute("number", draft.number());
            return "redirect:/standards/{code}/versions/{number}/edit";
        } catch (DomainException | AccessDeniedException e) {
            redirect.addFlashAttribute("actionError", describe(e));
            redirect.addAttribute("code", code);
            return "redirect:/standards/{code}";
        }
    }

    @GetMapping(CODE + "/versions/{number:\\d+}/edit")
    @PreAuthorize(StandardApiController.EDITORS)
    String initDraftForm(@PathVariable String code, @PathVariable int number, Model model) {
        StandardViews.VersionDetail version = standards.version(code, number, Actors.required());
        model.addAttribute("draftForm", DraftForm.of(version));
        model.addAttribute("version", version);
        addClauseChoices(model);
        return "standards/draft";
    }

    @PostMapping(CODE + "/versions/{number:\\d+}/edit")
    @PreAuthorize(StandardApiController.EDITORS)
    String processDraftForm(@PathVariable String code, @PathVariable int number,
                            @ModelAttribute("draftForm") DraftForm form, BindingResult result, Model model,
                            RedirectAttributes redirect) {
        try {
            standards.editDraft(code, number, form.input(), Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
            redirect.addAttribute("code", code);
            redirect.addAttribute("number", number);
            return "redirect:/standards/{code}/versions/{number}";
        } catch (DomainException | AccessDeniedException e) {
            model.addAttribute("formError", describe(e));
        }
        model.addAttribute("version", standards.version(code, number, Actors.required()));
        addClauseChoices(model);
        return "standards/draft";
    }

    @PostMapping(CODE + "/versions/{number:\\d+}/{action:[a-z]+}")
    String act(@PathVariable String code, @PathVariable int number, @PathVariable String action,
               @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment,
               @RequestParam(required = false) String effectiveFrom, RedirectAttributes redirect) {
        VersionAction named = VersionAction.fromPath(action).orElseThrow(() -> new NotFoundException("Action", action));
        try {
            Instant when = localMoment(effectiveFrom);
            standards.act(code, number, named, new ActionInput(version, comment, when), Actors.required());
            redirect.addFlashAttribute("notice", "standards.done");
            redirect.addFlashAttribute("noticeArg", messages.getMessage("standards.action." + named.path(), null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException | AccessDeniedException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("code", code);
        redirect.addAttribute("number", number);
        return "redirect:/standards/{code}/versions/{number}";
    }

    @GetMapping(CODE + "/diff")
    String diff(@PathVariable String code, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("diff", standards.diff(code, from, to));
        model.addAttribute("standard", standards.detail(code, Actors.required()));
        return "standards/diff";
    }

    @PostMapping(CODE + "/acknowledge")
    String acknowledge(@PathVariable String code, RedirectAttributes redirect) {
        try {
            standards.acknowledge(code, Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("code", code);
        return "redirect:/standards/{code}";
    }

    @PostMapping(CODE + "/proposals")
    String propose(@PathVariable String code, @RequestParam(required = false) String body,
                   RedirectAttributes redirect) {
        try {
            standards.propose(code, body, Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("code", code);
        return "redirect:/standards/{code}";
    }

    @PostMapping(CODE + "/proposals/{id:\\d+}/{decision:adopt|dismiss}")
    String decide(@PathVariable String code, @PathVariable long id, @PathVariable String decision,
                  RedirectAttributes redirect) {
        try {
            standards.handleProposal(code, id, decision.equals("adopt"), Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
        } catch (DomainException | AccessDeniedException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("code", code);
        return "redirect:/standards/{code}";
    }

    @PostMapping(CODE + "/attachments")
    String attach(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            standards.attach(code, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), Actors.required());
            redirect.addFlashAttribute("notice", "standards.saved");
        } catch (DomainException | AccessDeniedException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("code", code);
        return "redirect:/standards/{code}";
    }

    @GetMapping(CODE + "/attachments/{id:\\d+}")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id) {
        Standards.AttachmentFile file = standards.attachment(code, id)
                .orElseThrow(() -> new NotFoundException("Attachment", id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.info().contentType())).body(file.content());
    }

    @GetMapping(CODE + "/evaluation")
    @PreAuthorize(StandardApiController.SUPERVISION)
    String evaluation(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model) {
        try {
            model.addAttribute("report", compliance.evaluation(code, from, to, Actors.required()));
        } catch (InvalidInputException e) {
            model.addAttribute("actionError", describe(e));
            model.addAttribute("report", compliance.evaluation(code, null, null, Actors.required()));
        }
        return "standards/evaluation";
    }

    // ---- helpers

    private String describe(RuntimeException e) {
        if (e instanceof DomainException domain) {
            return FormErrors.describe(domain, messages, "standards.field", LocaleContextHolder.getLocale());
        }
        return messages.getMessage("error.forbidden", null, "403", LocaleContextHolder.getLocale());
    }

    /** A {@code datetime-local} value read as Beijing time; blank = now; unreadable = a 400 on the field. */
    static Instant localMoment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("effectiveFrom", "standards.validation.required");
        }
    }

    private void addChoices(Model model) {
        model.addAttribute("categories", StandardCategory.values());
        model.addAttribute("roles", Role.values());
    }

    private void addClauseChoices(Model model) {
        model.addAttribute("vocabulary", clockClauses.vocabulary());
        model.addAttribute("orderTypes", clockClauses.vocabulary().orderTypes());
        model.addAttribute("severities", org.gridcare.quality.FindingSeverity.values());
    }

    private static StandardCategory parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StandardCategory.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The new-standard form. */
    public static class StandardForm {
        private String code;
        private String title;
        private StandardCategory category;
        private String ownerUnitCode;
        private String scopeUnitCodes;
        private List<String> scopeRoles = new ArrayList<>();
        private Integer reviewIntervalMonths = 12;
        private String body = "# \n\n## 一、适用范围\n\n## 二、要求\n";
        private String changeNote;

        NewStandard command() {
            return new NewStandard(code, title, category, ownerUnitCode, split(scopeUnitCodes), scopeRoles,
                    reviewIntervalMonths, body, changeNote, Clauses.none());
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public StandardCategory getCategory() { return category; }
        public void setCategory(StandardCategory v) { category = v; }
        public String getOwnerUnitCode() { return ownerUnitCode; }
        public void setOwnerUnitCode(String v) { ownerUnitCode = v; }
        public String getScopeUnitCodes() { return scopeUnitCodes; }
        public void setScopeUnitCodes(String v) { scopeUnitCodes = v; }
        public List<String> getScopeRoles() { return scopeRoles; }
        public void setScopeRoles(List<String> v) { scopeRoles = v == null ? new ArrayList<>() : v; }
        public Integer getReviewIntervalMonths() { return reviewIntervalMonths; }
        public void setReviewIntervalMonths(Integer v) { reviewIntervalMonths = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getChangeNote() { return changeNote; }
        public void setChangeNote(String v) { changeNote = v; }
    }

    /** The draft editor: the body and every clause as a row (a blank clock or element name drops the row). */
    public static class DraftForm {
        private Integer version;
        private String body;
        private String changeNote;
        private List<ClockRow> clocks = new ArrayList<>();
        private List<ReplyRow> replies = new ArrayList<>();
        private List<RubricRow> rubrics = new ArrayList<>();

        static DraftForm of(StandardViews.VersionDetail v) {
            DraftForm form = new DraftForm();
            form.version = v.version();
            form.body = v.body();
            form.changeNote = v.changeNote();
            v.clauses().clocks().forEach(c -> form.clocks.add(ClockRow.of(c)));
            v.clauses().replyElements().forEach(r -> form.replies.add(ReplyRow.of(r)));
            v.clauses().rubrics().forEach(r -> r.items().forEach(i -> form.rubrics.add(RubricRow.of(r, i))));
            form.clocks.add(new ClockRow());
            form.replies.add(new ReplyRow());
            form.rubrics.add(new RubricRow());
            form.rubrics.add(new RubricRow());
            return form;
        }

        DraftInput input() {
            List<ClockClause> clockClauses = clocks.stream()
                    .filter(r -> !r.remove && blankToNull(r.clockName) != null).map(ClockRow::clause).toList();
            List<Clauses.ReplyClause> replyClauses = replies.stream()
                    .filter(r -> !r.remove && (blankToNull(r.code) != null || blankToNull(r.label) != null))
                    .map(ReplyRow::clause).toList();
            // item rows grouped into one rubric per order type, in the order the types first appear
            Map<String, List<RubricRow>> byType = new LinkedHashMap<>();
            rubrics.stream().filter(r -> !r.remove && (blankToNull(r.code) != null || blankToNull(r.name) != null))
                    .forEach(r -> byType.computeIfAbsent(Objects.toString(blankToNull(r.orderType), ""),
                            t -> new ArrayList<>()).add(r));
            List<Clauses.RubricClause> rubricClauses = byType.entrySet().stream()
                    .map(e -> new Clauses.RubricClause(blankToNull(e.getKey()), e.getValue().stream()
                            .map(r -> blankToNull(r.title)).filter(Objects::nonNull).findFirst().orElse(null),
                            e.getValue().stream().map(RubricRow::item).toList()))
                    .toList();
            return new DraftInput(version, body, changeNote, new Clauses(clockClauses, replyClauses, rubricClauses));
        }

        public Integer getVersion() { return version; }
        public void setVersion(Integer v) { version = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getChangeNote() { return changeNote; }
        public void setChangeNote(String v) { changeNote = v; }
        public List<ClockRow> getClocks() { return clocks; }
        public void setClocks(List<ClockRow> v) { clocks = v; }
        public List<ReplyRow> getReplies() { return replies; }
        public void setReplies(List<ReplyRow> v) { replies = v; }
        public List<RubricRow> getRubrics() { return rubrics; }
        public void setRubrics(List<RubricRow> v) { rubrics = v; }
    }

    /** One clock clause as form fields. */
    public static class ClockRow {
        private String clockName;
        private String orderType;
        private String subType;
        private String priority;
        private String areaType;
        private String channel;
        private String startEvents;
        private String stopEvents;
        private Integer amount;
        private String unit;
        private Integer warningPercent;
        private String note;
        private boolean remove;

        static ClockRow of(ClockClause c) {
            ClockRow row = new ClockRow();
            row.clockName = c.clockName();
            row.orderType = c.orderType();
            row.subType = c.subType();
            row.priority = c.priority();
            row.areaType = c.areaType();
            row.channel = c.channel();
            row.startEvents = String.join(",", c.startEvents());
            row.stopEvents = String.join(",", c.stopEvents());
            row.amount = c.amount();
            row.unit = c.unit();
            row.warningPercent = c.warningPercent();
            row.note = c.note();
            return row;
        }

        ClockClause clause() {
            return new ClockClause(blankToNull(clockName), blankToNull(orderType), blankToNull(subType),
                    blankToNull(priority), blankToNull(areaType), blankToNull(channel), split(startEvents),
                    split(stopEvents), amount, blankToNull(unit), warningPercent, blankToNull(note));
        }

        public String getClockName() { return clockName; }
        public void setClockName(String v) { clockName = v; }
        public String getOrderType() { return orderType; }
        public void setOrderType(String v) { orderType = v; }
        public String getSubType() { return subType; }
        public void setSubType(String v) { subType = v; }
        public String getPriority() { return priority; }
        public void setPriority(String v) { priority = v; }
        public String getAreaType() { return areaType; }
        public void setAreaType(String v) { areaType = v; }
        public String getChannel() { return channel; }
        public void setChannel(String v) { channel = v; }
        public String getStartEvents() { return startEvents; }
        public void setStartEvents(String v) { startEvents = v; }
        public String getStopEvents() { return stopEvents; }
        public void setStopEvents(String v) { stopEvents = v; }
        public Integer getAmount() { return amount; }
        public void setAmount(Integer v) { amount = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
        public Integer getWarningPercent() { return warningPercent; }
        public void setWarningPercent(Integer v) { warningPercent = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean v) { remove = v; }
    }

    /** One required reply element as form fields. */
    public static class ReplyRow {
        private String orderType;
        private String code;
        private String label;
        private String keywords;
        private boolean remove;

        static ReplyRow of(Clauses.ReplyClause r) {
            ReplyRow row = new ReplyRow();
            row.orderType = r.orderType();
            row.code = r.code();
            row.label = r.label();
            row.keywords = String.join("，", r.keywords());
            return row;
        }

        Clauses.ReplyClause clause() {
            return new Clauses.ReplyClause(blankToNull(orderType), blankToNull(code), blankToNull(label),
                    Arrays.stream(keywords == null ? new String[0] : keywords.split("[,，、]+")).map(String::trim)
                            .filter(s -> !s.isEmpty()).toList());
        }

        public String getOrderType() { return orderType; }
        public void setOrderType(String v) { orderType = v; }
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
        public String getKeywords() { return keywords; }
        public void setKeywords(String v) { keywords = v; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean v) { remove = v; }
    }

    /** One rubric item as form fields, with the order type (and rubric title) it belongs to. */
    public static class RubricRow {
        private String orderType;
        private String title;
        private String code;
        private String name;
        private String nameEn;
        private String description;
        private String points;
        private String severity;
        private boolean remove;

        static RubricRow of(Clauses.RubricClause r, Clauses.RubricItem i) {
            RubricRow row = new RubricRow();
            row.orderType = r.orderType();
            row.title = r.title();
            row.code = i.code();
            row.name = i.name();
            row.nameEn = i.nameEn();
            row.description = i.description();
            row.points = i.points() == null ? null : i.points().stripTrailingZeros().toPlainString();
            row.severity = i.severity();
            return row;
        }

        /** Unreadable points are sent as none: the check names the field. */
        Clauses.RubricItem item() {
            java.math.BigDecimal value = null;
            try {
                value = blankToNull(points) == null ? null : new java.math.BigDecimal(points.trim());
            } catch (NumberFormatException e) {
                value = null;
            }
            return new Clauses.RubricItem(blankToNull(code), blankToNull(name), blankToNull(nameEn),
                    blankToNull(description), value, blankToNull(severity));
        }

        public String getOrderType() { return orderType; }
        public void setOrderType(String v) { orderType = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getPoints() { return points; }
        public void setPoints(String v) { points = v; }
        public String getSeverity() { return severity; }
        public void setSeverity(String v) { severity = v; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean v) { remove = v; }
    }
}
