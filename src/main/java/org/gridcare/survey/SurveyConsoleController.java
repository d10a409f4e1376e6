package org.gridcare.survey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.workorder.DissatisfiedAction;
import org.gridcare.workorder.ReturnVisitSetting;
import org.gridcare.workorder.ReturnVisits;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of return-visit and survey rules (one form per order type for the visit rules, one
 * for the survey rules) and the outbox of self-rating messages.
 */
@ConsoleController
class SurveyConsoleController {

    private final Surveys surveys;
    private final ReturnVisits visits;
    private final MessageSource messages;

    SurveyConsoleController(Surveys surveys, ReturnVisits visits, MessageSource messages) {
        this.surveys = surveys;
        this.visits = visits;
        this.messages = messages;
    }

    @GetMapping("/admin/surveys/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        model.addAttribute("settingsForm", SettingsForm.of(surveys.settings()));
        return show(model, null, null);
    }

    @PostMapping("/admin/surveys/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                surveys.change(form.change(), Actors.required());
                redirect.addFlashAttribute("notice", "survey.settings.saved");
                return "redirect:/admin/surveys/settings";
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return show(model, null, null);
    }

    @PostMapping("/admin/surveys/visit-settings/{type}")
    @PreAuthorize("hasRole('ADMIN')")
    String saveVisitSetting(@PathVariable WorkOrderType type, @Valid @ModelAttribute("visitForm") VisitSettingForm form,
                            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                visits.change(type, new ReturnVisitSetting.Change(form.isVisitNeeded(), form.getMaxAttempts(),
                        form.getDissatisfiedAction(), form.getVersion()), Actors.required());
                redirect.addFlashAttribute("notice", "survey.settings.saved");
                return "redirect:/admin/surveys/settings";
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("settingsForm", SettingsForm.of(surveys.settings()));
        return show(model, type, result);
    }

    private String show(Model model, WorkOrderType failedType, BindingResult failed) {
        model.addAttribute("visitSettings", visits.settings());
        model.addAttribute("failedType", failedType);
        model.addAttribute("visitErrors", failed == null ? List.of() : failed.getAllErrors().stream()
                .map(error -> messages.getMessage(error, LocaleContextHolder.getLocale())).toList());
        model.addAttribute("types", surveyTypes());
        model.addAttribute("verdicts", Surveys.VERDICTS);
        model.addAttribute("actions", DissatisfiedAction.values());
        return "survey/settings";
    }

    private static List<WorkOrderType> surveyTypes() {
        return Arrays.stream(WorkOrderType.values()).filter(t -> t != WorkOrderType.PRAISE).toList();
    }

    @GetMapping("/surveys/outbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')")
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", surveys.outbox(Math.max(0, page), Actors.required()));
        return "survey/outbox";
    }

    /** The survey rules form. */
    static class SettingsForm {
        @NotNull private Integer version;
        @NotNull @Min(0) @Max(365) private Integer customerIntervalDays;
        @NotNull @Min(1) @Max(720) private Integer linkValidityHours;
        private VisitResult[] scores = new VisitResult[5];
        private Map<String, BigDecimal> rates = new LinkedHashMap<>();
        private String staffContacts;

        static SettingsForm of(SurveySettings s) {
            var form = new SettingsForm();
            form.version = s.version();
            form.customerIntervalDays = s.customerIntervalDays();
            form.linkValidityHours = s.linkValidityHours();
            form.scores = s.scoreResults().toArray(VisitResult[]::new);
            for (WorkOrderType type : surveyTypes()) {
                form.rates.put(type.name(), s.rateOf(type));
            }
            form.staffContacts = String.join("\n", s.staffContacts());
            return form;
        }

        Surveys.Change change() {
            Map<WorkOrderType, BigDecimal> byType = new LinkedHashMap<>();
            rates.forEach((type, rate) -> byType.put(WorkOrderType.valueOf(type), rate));
            return new Surveys.Change(customerIntervalDays, linkValidityHours, Arrays.asList(scores), byType,
                    staffContacts == null ? List.of() : List.of(staffContacts.split("[\\s,;]+")), version);
        }

        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public Integer getCustomerIntervalDays() { return customerIntervalDays; }
        public void setCustomerIntervalDays(Integer days) { this.customerIntervalDays = days; }
        public Integer getLinkValidityHours() { return linkValidityHours; }
        public void setLinkValidityHours(Integer hours) { this.linkValidityHours = hours; }
        public VisitResult[] getScores() { return scores; }
        public void setScores(VisitResult[] scores) { this.scores = scores; }
        public Map<String, BigDecimal> getRates() { return rates; }
        public void setRates(Map<String, BigDecimal> rates) { this.rates = rates; }
        public String getStaffContacts() { return staffContacts; }
        public void setStaffContacts(String staffContacts) { this.staffContacts = staffContacts; }
    }

    /** One type's return-visit rule. */
    static class VisitSettingForm {
        @NotNull private Integer version;
        private boolean visitNeeded;
        @NotNull @Min(1) @Max(10) private Integer maxAttempts;
        @NotNull private DissatisfiedAction dissatisfiedAction;

        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public boolean isVisitNeeded() { return visitNeeded; }
        public void setVisitNeeded(boolean visitNeeded) { this.visitNeeded = visitNeeded; }
        public Integer getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
        public DissatisfiedAction getDissatisfiedAction() { return dissatisfiedAction; }
        public void setDissatisfiedAction(DissatisfiedAction action) { this.dissatisfiedAction = action; }
    }
}
