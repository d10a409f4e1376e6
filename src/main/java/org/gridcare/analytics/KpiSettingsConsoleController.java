package org.gridcare.analytics;

import java.math.BigDecimal;
import java.util.List;

import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Targets per KPI and unit, the formula settings and the rebuild of the facts (考核目标设置). */
@ConsoleController
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class KpiSettingsConsoleController {

    private final KpiAdmin admin;
    private final Kpis kpis;
    private final OrgUnits units;

    KpiSettingsConsoleController(KpiAdmin admin, Kpis kpis, OrgUnits units) {
        this.admin = admin;
        this.kpis = kpis;
        this.units = units;
    }

    /** The target form. */
    public static class TargetForm {
        private String kpi = "RESPONSE_24H";
        private String unit;
        private String comparison = ">=";
        private BigDecimal target;
        private BigDecimal amberBand;
        private String note;

        public String getKpi() { return kpi; }
        public void setKpi(String kpi) { this.kpi = kpi; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getComparison() { return comparison; }
        public void setComparison(String comparison) { this.comparison = comparison; }
        public BigDecimal getTarget() { return target; }
        public void setTarget(BigDecimal target) { this.target = target; }
        public BigDecimal getAmberBand() { return amberBand; }
        public void setAmberBand(BigDecimal amberBand) { this.amberBand = amberBand; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    @GetMapping("/admin/kpis")
    String page(Model model) {
        if (!model.containsAttribute("targetForm")) {
            model.addAttribute("targetForm", new TargetForm());
        }
        Actor actor = Actors.required();
        model.addAttribute("targets", admin.targets(actor));
        model.addAttribute("settings", admin.settings());
        model.addAttribute("definitions", kpis.definitions());
        model.addAttribute("units", units.visibleTo(actor));
        model.addAttribute("comparisons", List.of(">=", ">", "<=", "<"));
        return "analytics/settings";
    }

    @PostMapping("/admin/kpis/targets")
    String saveTarget(@ModelAttribute("targetForm") TargetForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                admin.saveTarget(form.getKpi(), form.getUnit(), form.getComparison(), form.getTarget(),
                        form.getAmberBand(), form.getNote(), Actors.required());
                redirect.addFlashAttribute("notice", "kpi.notice.targetSaved");
                return "redirect:/admin/kpis";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(model);
    }

    @PostMapping("/admin/kpis/targets/{id}/delete")
    String deleteTarget(@PathVariable long id, RedirectAttributes redirect) {
        admin.deleteTarget(id, Actors.required());
        redirect.addFlashAttribute("notice", "kpi.notice.targetDeleted");
        return "redirect:/admin/kpis";
    }

    @PostMapping("/admin/kpis/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSetting(@RequestParam String name, @RequestParam String value, RedirectAttributes redirect) {
        try {
            admin.saveSetting(name, value, Actors.required());
            redirect.addFlashAttribute("notice", "kpi.notice.settingSaved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("notice", "kpi.notice.settingInvalid");
        }
        return "redirect:/admin/kpis";
    }

    @PostMapping("/admin/kpis/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuild(RedirectAttributes redirect) {
        long orders = admin.rebuildAll(Actors.required());
        redirect.addFlashAttribute("notice", "kpi.notice.rebuilt");
        redirect.addFlashAttribute("noticeArg", orders);
        return "redirect:/admin/kpis";
    }
}
