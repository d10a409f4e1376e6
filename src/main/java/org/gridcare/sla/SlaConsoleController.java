package org.gridcare.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA policy versions and the working-day calendar in the console. Managers and supervisors
 * read them; only administrators publish a version or change the calendar.
 */
@ConsoleController
@RequestMapping("/admin/sla")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')")
class SlaConsoleController {

    /** Blank rows offered at the end of the rule table for new rules. */
    static final int BLANK_ROWS = 3;

    private final SlaPolicies policies;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    SlaConsoleController(SlaPolicies policies, WorkingCalendar calendar, MessageSource messages, Clock clock) {
        this.policies = policies;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("vocabulary")
    Map<String, List<String>> vocabulary() {
        Map<String, List<String>> values = new HashMap<>();
        values.put("types", OrderVocabulary.TYPES);
        values.put("subTypes", OrderVocabulary.SUB_TYPES);
        values.put("priorities", OrderVocabulary.PRIORITIES);
        values.put("areaTypes", OrderVocabulary.AREA_TYPES);
        values.put("channels", OrderVocabulary.CHANNELS);
        values.put("clockNames", OrderVocabulary.CLOCK_NAMES);
        values.put("units", Arrays.stream(DurationUnit.values()).map(Enum::name).toList());
        return values;
    }

    @GetMapping("/policies")
    String versions(Model model) {
        model.addAttribute("versions", policies.versions());
        model.addAttribute("inForce", policies.inForceAt(Instant.now(clock)).id());
        return "sla/policies";
    }

    @GetMapping("/policies/{number}")
    String version(@PathVariable int number, Model model) {
        PolicyVersion version = policies.byNumber(number);
        model.addAttribute("version", version);
        model.addAttribute("inForce", policies.inForceAt(Instant.now(clock)).id() == version.id());
        model.addAttribute("rules", policies.rules(version.id()));
        return "sla/policy";
    }

    @GetMapping("/policies/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newVersion(@RequestParam(required = false) Integer from, Model model) {
        PolicyVersion base = from == null ? policies.inForceAt(Instant.now(clock)) : policies.byNumber(from);
        PolicyForm form = new PolicyForm();
        form.setEffectiveFrom(LocalDateTime.ofInstant(Instant.now(clock), BusinessTime.ZONE).plusHours(1)
                .withMinute(0).withSecond(0).withNano(0).toString());
        form.setSource(base.source());
        policies.rules(base.id()).forEach(rule -> form.getRows().add(RuleRow.of(rule)));
        for (int i = 0; i < BLANK_ROWS; i++) {
            form.getRows().add(new RuleRow());
        }
        model.addAttribute("form", form);
        model.addAttribute("base", base);
        return "sla/policy-form";
    }

    @PostMapping("/policies")
    @PreAuthorize("hasRole('ADMIN')")
    String publish(@ModelAttribute("form") PolicyForm form, Model model, RedirectAttributes redirect) {
        List<String> errors = new ArrayList<>();
        Instant effectiveFrom = null;
        try {
            effectiveFrom = LocalDateTime.parse(form.getEffectiveFrom()).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(message("sla.console.effectiveFrom") + ": " + message("sla.validation.timestamp",
                    form.getEffectiveFrom()));
        }
        List<NewPolicyVersion.RuleInput> inputs = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            RuleRow row = form.getRows().get(i);
            if (row.isRemove() || row.getClockName() == null || row.getClockName().isBlank()) {
                continue;
            }
            inputs.add(row.toInput());
            rowNumbers.add(i + 1);
        }
        if (errors.isEmpty()) {
            try {
                PolicyVersion created = policies.publish(
                        new NewPolicyVersion(effectiveFrom, form.getNote(), form.getSource(), inputs), Actors.required());
                redirect.addFlashAttribute("notice", "sla.console.notice.published");
                redirect.addFlashAttribute("noticeArg", created.number());
                return "redirect:/admin/sla/policies/" + created.number();
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.add(describe(v.field(), rowNumbers) + ": "
                        + message(v.messageCode(), v.arguments())));
            } catch (DomainException e) {
                errors.add(message(e.messageCode(), e.arguments()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("base", null);
        return "sla/policy-form";
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < CalendarApiController.MIN_YEAR || year > CalendarApiController.MAX_YEAR
                ? LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE).getYear() : year;
        List<CalendarDay> listed = calendar.year(shown);
        Map<LocalDate, CalendarDay> byDay = new HashMap<>();
        listed.forEach(d -> byDay.put(d.day(), d));
        WorkingDays workingDays = calendar.workingDays();
        List<MonthView> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(MonthView.of(YearMonth.of(shown, m), byDay, workingDays));
        }
        model.addAttribute("year", shown);
        model.addAttribute("months", months);
        model.addAttribute("listed", listed);
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm());
        }
        return "sla/calendar";
    }

    @PostMapping("/calendar/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importCsv(@RequestParam(required = false) Integer year, @RequestParam("file") MultipartFile file,
                     RedirectAttributes redirect) throws java.io.IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "sla.validation.calendar.empty");
            }
            WorkingCalendar.ImportResult result = calendar.importCsv(file.getInputStream(), Actors.required());
            redirect.addFlashAttribute("notice", "sla.console.notice.imported");
            redirect.addFlashAttribute("noticeArg", result.imported());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("importErrors", e.violations().stream()
                    .map(v -> new FieldMessage(v.field(), message(v.messageCode(), v.arguments()))).toList());
        }
        return "redirect:/admin/sla/calendar" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/calendar/day")
    @PreAuthorize("hasRole('ADMIN')")
    String changeDay(@ModelAttribute("dayForm") DayForm form, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(form.getDate());
        } catch (DateTimeParseException | NullPointerException e) {
            redirect.addFlashAttribute("dayErrors", List.of(new FieldMessage("date",
                    message("sla.validation.calendar.date", form.getDate()))));
            return "redirect:/admin/sla/calendar";
        }
        try {
            if ("REMOVE".equals(form.getKind())) {
                calendar.removeDay(day);
            } else {
                calendar.setDay(day, form.getKind(), form.getName(), Actors.required());
            }
            redirect.addFlashAttribute("notice", "sla.console.notice.daySaved");
            redirect.addFlashAttribute("noticeArg", day.toString());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("dayErrors", e.violations().stream()
                    .map(v -> new FieldMessage(v.field(), message(v.messageCode(), v.arguments()))).toList());
            redirect.addFlashAttribute("dayForm", form);
        } catch (DomainException e) {
            redirect.addFlashAttribute("dayErrors", List.of(new FieldMessage("date", message("sla.console.dayNotListed", day))));
        }
        return "redirect:/admin/sla/calendar?year=" + day.getYear();
    }

    private String describe(String field, List<Integer> rowNumbers) {
        if (field.startsWith("rules[")) {
            int end = field.indexOf(']');
            int index = Integer.parseInt(field.substring(6, end));
            String rest = field.substring(end + 1);
            return message("sla.console.row", rowNumbers.get(index)) + rest.replaceFirst("^\\.", " · ");
        }
        return field;
    }

    private String message(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }

    record FieldMessage(String field, String message) {
    }

    /** One day cell of the month grid. */
    record DayCell(LocalDate date, boolean working, boolean weekend, CalendarDay listed) {
        /** Holidays red, make-up working days blue, rest days grey. */
        public String css() {
            if (listed != null) {
                return listed.kind() == DayKind.HOLIDAY ? "table-danger fw-semibold text-danger gc-cal-holiday"
                        : "table-primary fw-semibold gc-cal-workday";
            }
            return working ? "" : "text-body-tertiary gc-cal-rest";
        }
    }

    /** A month as weeks of seven cells (Monday first); null cells pad the first and last week. */
    record MonthView(YearMonth month, List<List<DayCell>> weeks) {
        static MonthView of(YearMonth month, Map<LocalDate, CalendarDay> listed, WorkingDays workingDays) {
            List<List<DayCell>> weeks = new ArrayList<>();
            List<DayCell> week = new ArrayList<>();
            for (int pad = 1; pad < month.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                week.add(new DayCell(date, workingDays.isWorkingDay(date), weekend, listed.get(date)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            return new MonthView(month, weeks);
        }
    }

    /** The console's new-version form: effective moment (business time) and the editable rule rows. */
    public static class PolicyForm {
        private String effectiveFrom;
        private String note;
        private String source;
        private List<RuleRow> rows = new ArrayList<>();

        public String getEffectiveFrom() {
            return effectiveFrom;
        }

        public void setEffectiveFrom(String effectiveFrom) {
            this.effectiveFrom = effectiveFrom;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public List<RuleRow> getRows() {
            return rows;
        }

        public void setRows(List<RuleRow> rows) {
            this.rows = rows;
        }
    }

    /** One editable rule; events and pause states are comma-separated names. */
    public static class RuleRow {
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
        private Integer warningPercent = ClockRule.DEFAULT_WARNING_PERCENT;
        private String pauseStates = "SUSPENDED";
        private boolean assumed;
        private String note;
        private String ruleSource;
        private boolean remove;

        static RuleRow of(ClockRule rule) {
            RuleRow row = new RuleRow();
            row.clockName = rule.clockName();
            row.orderType = rule.orderType();
            row.subType = rule.subType();
            row.priority = rule.priority();
            row.areaType = rule.areaType();
            row.channel = rule.channel();
            row.startEvents = String.join(",", rule.startEvents().stream().sorted().map(Enum::name).toList());
            row.stopEvents = String.join(",", rule.stopEvents().stream().sorted().map(Enum::name).toList());
            row.amount = rule.amount();
            row.unit = rule.unit().name();
            row.warningPercent = rule.warningPercent();
            row.pauseStates = String.join(",", rule.pauseStates().stream().sorted().toList());
            row.assumed = rule.assumed();
            row.note = rule.note();
            row.ruleSource = rule.source();
            return row;
        }

        NewPolicyVersion.RuleInput toInput() {
            return new NewPolicyVersion.RuleInput(clockName, orderType, subType, priority, areaType, channel,
                    split(startEvents), split(stopEvents), amount, unit, warningPercent,
                    pauseStates == null ? List.of() : split(pauseStates), assumed, note, ruleSource);
        }

        private static List<String> split(String value) {
            if (value == null || value.isBlank()) {
                return List.of();
            }
            return Arrays.stream(value.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(String::trim).toList();
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
        public String getPauseStates() { return pauseStates; }
        public void setPauseStates(String v) { pauseStates = v; }
        public boolean isAssumed() { return assumed; }
        public void setAssumed(boolean v) { assumed = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
        public String getRuleSource() { return ruleSource; }
        public void setRuleSource(String v) { ruleSource = v; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean v) { remove = v; }
    }

    /** Marking one day: kind HOLIDAY, WORKDAY or REMOVE (back to the weekday rule). */
    public static class DayForm {
        private String date;
        private String kind = "HOLIDAY";
        private String name;

        public String getDate() { return date; }
        public void setDate(String v) { date = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
    }
}
