package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection console: the inspections list (an inspector's queue, a staff member's results), one inspection
 * with the order's timeline and reply beside the scoring form, the appeal and decision forms, the plans and the
 * spot checks.
 */
@ConsoleController
@RequestMapping("/quality")
@PreAuthorize("isAuthenticated()")
class QualityConsoleController {

    private final Inspections inspections;
    private final InspectionPlans plans;
    private final WorkOrders workOrders;
    private final MessageSource messages;
    private final Clock clock;

    QualityConsoleController(Inspections inspections, InspectionPlans plans, WorkOrders workOrders,
                             MessageSource messages, Clock clock) {
        this.inspections = inspections;
        this.plans = plans;
        this.workOrders = workOrders;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/inspections")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean mine,
                @RequestParam(required = false) Long plan, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.required();
        InspectionStatus parsed = parse(InspectionStatus.class, status);
        String inspector = Boolean.TRUE.equals(mine) ? actor.username() : null;
        model.addAttribute("result", inspections.find(new Inspections.Query(parsed, null, null, inspector, null, plan,
                null, null, null), PageQuery.of(Math.max(0, page), 20, "createdAt,desc", Inspections.SORTS), actor));
        model.addAttribute("status", status);
        model.addAttribute("mine", mine);
        model.addAttribute("plan", plan);
        model.addAttribute("statuses", InspectionStatus.values());
        return "quality/inspections";
    }

    @GetMapping("/inspections/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        InspectionView inspection = inspections.get(id, actor);
        model.addAttribute("inspection", inspection);
        if (inspection.orderNumber() != null) {
            try {
                model.addAttribute("order", workOrders.get(inspection.orderNumber(), actor));
            } catch (NotFoundException outsideScope) {
                model.addAttribute("order", null);
            }
        }
        model.addAttribute("results", FindingResult.values());
        model.addAttribute("outcomes", AppealOutcome.values());
        return "quality/inspection";
    }

    @PostMapping("/inspections/{id:\\d+}/score")
    @PreAuthorize("hasRole('INSPECTOR')")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        return act(id, redirect, "quality.inspection.scored", () -> {
            InspectionView inspection = inspections.get(id, actor);
            List<Inspections.FindingInput> findings = new ArrayList<>();
            for (InspectionView.Finding f : inspection.findings()) {
                FindingResult result = parse(FindingResult.class, form.get("result_" + f.code()));
                findings.add(new Inspections.FindingInput(f.code(), result, form.get("comment_" + f.code())));
            }
            inspections.score(id, version(form), findings, form.get("comment"), actor);
        });
    }

    @PostMapping("/inspections/{id:\\d+}/appeal")
    String appeal(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) List<String> items,
                  RedirectAttributes redirect) {
        return act(id, redirect, "quality.inspection.appealed", () -> inspections.appeal(id, version, reason,
                items == null ? List.of() : items, Actors.required()));
    }

    @PostMapping("/inspections/{id:\\d+}/decide")
    @PreAuthorize(InspectionApiController.PLANNERS)
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "quality.inspection.decided", () -> {
            Map<String, AppealOutcome> outcomes = new LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith("outcome_") && value != null && !value.isBlank()) {
                    outcomes.put(key.substring("outcome_".length()), parse(AppealOutcome.class, value));
                }
            });
            inspections.decide(id, version(form), outcomes, form.get("note"), Actors.required());
        });
    }

    @PostMapping("/inspections/{id:\\d+}/assign")
    @PreAuthorize(InspectionApiController.PLANNERS)
    String assign(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String inspector, RedirectAttributes redirect) {
        return act(id, redirect, "quality.inspection.assigned", () -> inspections.assign(id, version, inspector,
                Actors.required()));
    }

    // ---- plans

    @GetMapping("/plans")
    @PreAuthorize(InspectionApiController.QUALITY)
    String plans(Model model) {
        model.addAttribute("plans", plans.list(Actors.required()));
        model.addAttribute("lastMonth", YearMonth.from(LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE))
                .minusMonths(1).toString());
        model.addAttribute("modes", AssignmentMode.values());
        return "quality/plans";
    }

    @PostMapping("/plans")
    @PreAuthorize(InspectionApiController.PLANNERS)
    String createPlan(@RequestParam(required = false) String month, @RequestParam(required = false) String unitCode,
                      @RequestParam(required = false) BigDecimal samplePercent,
                      @RequestParam(required = false) Integer minPerStaff, @RequestParam(required = false) Long seed,
                      @RequestParam(required = false) AssignmentMode assignment,
                      @RequestParam(defaultValue = "false") boolean excludeOwnUnit, RedirectAttributes redirect) {
        try {
            PlanView created = plans.create(new NewPlan(month, unitCode, samplePercent, minPerStaff, seed, assignment,
                    excludeOwnUnit, true, true, true), Actors.required());
            redirect.addFlashAttribute("notice", "quality.plan.created");
            redirect.addFlashAttribute("noticeArg", created.sampled() + created.targeted());
            redirect.addAttribute("plan", created.id());
            return "redirect:/quality/inspections";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "quality.field",
                    LocaleContextHolder.getLocale()));
            return "redirect:/quality/plans";
        }
    }

    // ---- spot checks

    @GetMapping("/spot-checks")
    @PreAuthorize(InspectionApiController.QUALITY)
    String spotChecks(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.required();
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        model.addAttribute("result", inspections.find(new Inspections.Query(null, null, true, null, null, null, null,
                null, null), PageQuery.of(Math.max(0, page), 20, "createdAt,desc", Inspections.SORTS), actor));
        model.addAttribute("summary", inspections.spotSummary(today.withDayOfMonth(1).atStartOfDay(BusinessTime.ZONE)
                .toInstant(), today.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(), actor));
        model.addAttribute("kinds", List.of(InspectionKind.MYSTERY_VISIT, InspectionKind.CALL_RECORDING));
        model.addAttribute("types", WorkOrderType.values());
        return "quality/spot-checks";
    }

    @PostMapping("/spot-checks")
    @PreAuthorize("hasRole('INSPECTOR')")
    String createSpotCheck(@RequestParam(required = false) InspectionKind kind,
                           @RequestParam(required = false) WorkOrderType rubricType,
                           @RequestParam(required = false) String unitCode,
                           @RequestParam(required = false) String staffUsername,
                           @RequestParam(required = false) String subjectRef,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                           LocalDateTime occurredAt, RedirectAttributes redirect) {
        try {
            Instant occurred = occurredAt == null ? null : occurredAt.atZone(BusinessTime.ZONE).toInstant();
            InspectionView created = inspections.createSpotCheck(new Inspections.NewSpotCheck(kind, rubricType,
                    unitCode, staffUsername, subjectRef, occurred), Actors.required());
            redirect.addAttribute("id", created.id());
            return "redirect:/quality/inspections/{id}";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "quality.field",
                    LocaleContextHolder.getLocale()));
            return "redirect:/quality/spot-checks";
        }
    }

    // ---- helpers

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "quality.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("id", id);
        return "redirect:/quality/inspections/{id}";
    }

    private static Integer version(Map<String, String> form) {
        try {
            return form.get("version") == null ? null : Integer.valueOf(form.get("version"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
