package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.shared.DomainException;
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

/**
 * The service-plan console: the savings advice of a customer with the plan form (reached from the customer page and
 * from a high-bill consultation), one plan with its execution and evaluation, the list of plans with the realised
 * savings per unit, and the small panels the customer and order pages load with htmx.
 */
@ConsoleController
@RequestMapping("/plans")
@PreAuthorize(PlanApiController.READERS)
class PlanConsoleController {

    private final Advisor advisor;
    private final Plans plans;
    private final PlanProperties properties;
    private final MessageSource messages;

    PlanConsoleController(Advisor advisor, Plans plans, PlanProperties properties, MessageSource messages) {
        this.advisor = advisor;
        this.plans = plans;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        PlanStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = PlanStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                filter = null;
            }
        }
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        List<Plans.UnitSavings> savings = List.of();
        try {
            savings = plans.savingsByUnit(fromDay, toDay, Actors.required());
        } catch (DomainException e) {
            model.addAttribute("actionError", FormErrors.describe(e, messages, "plan.field", LocaleContextHolder.getLocale()));
        }
        model.addAttribute("plans", plans.recent(filter, Actors.required()));
        model.addAttribute("savings", savings);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        return "plan/list";
    }

    @GetMapping("/customers/{number}")
    String advice(@PathVariable String number, @RequestParam(required = false) String order,
                  @RequestParam(required = false) String peakShiftShare, Model model) {
        BigDecimal share = null;
        String shareError = null;
        if (peakShiftShare != null && !peakShiftShare.isBlank()) {
            try {
                share = advisor.share(new BigDecimal(peakShiftShare.strip()));
            } catch (NumberFormatException e) {
                shareError = messages.getMessage("plan.validation.share", new Object[] {peakShiftShare},
                        LocaleContextHolder.getLocale());
            } catch (DomainException e) {
                shareError = FormErrors.describe(e, messages, "plan.field", LocaleContextHolder.getLocale());
            }
        }
        Advice advice = advisor.advise(number, share, Actors.required());
        model.addAttribute("advice", advice);
        model.addAttribute("plans", plans.ofCustomer(number, Actors.required()));
        model.addAttribute("order", order);
        model.addAttribute("shareError", shareError);
        model.addAttribute("chartData", chartData(advice));
        return "plan/advice";
    }

    @PostMapping("/customers/{number}")
    @PreAuthorize(PlanApiController.PLANNERS)
    String record(@PathVariable String number, @RequestParam(required = false) String orderNumber,
                  @RequestParam(required = false) List<String> options,
                  @RequestParam(required = false) String peakShiftShare, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            BigDecimal share = peakShiftShare == null || peakShiftShare.isBlank() ? null : new BigDecimal(peakShiftShare.strip());
            PlanView plan = plans.record(number, new NewPlan(orderNumber, options, share, note), Actors.required());
            redirect.addFlashAttribute("notice", "plan.plan.saved");
            redirect.addFlashAttribute("noticeArg", plan.id());
            redirect.addAttribute("id", plan.id());
            return "redirect:/plans/{id}";
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("actionError", messages.getMessage("plan.validation.share",
                    new Object[] {peakShiftShare}, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "plan.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("number", number);
        if (orderNumber != null && !orderNumber.isBlank()) {
            redirect.addAttribute("order", orderNumber);
        }
        return "redirect:/plans/customers/{number}";
    }

    @GetMapping("/{id:\\d+}")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", plans.get(id, Actors.required()));
        model.addAttribute("graceDays", properties.evaluationGrace().toDays());
        return "plan/plan";
    }

    @PostMapping("/{id:\\d+}/execute")
    @PreAuthorize(PlanApiController.PLANNERS)
    String execute(@PathVariable long id, @RequestParam(required = false) String contactName,
                   @RequestParam(required = false) String contactPhone, @RequestParam(required = false) Integer version,
                   RedirectAttributes redirect) {
        try {
            plans.execute(id, new Plans.Execution(contactName, contactPhone, version), Actors.required());
            redirect.addFlashAttribute("notice", "plan.plan.executed");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "plan.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("id", id);
        return "redirect:/plans/{id}";
    }

    @PostMapping("/{id:\\d+}/cancel")
    @PreAuthorize(PlanApiController.PLANNERS)
    String cancel(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            plans.cancel(id, version, Actors.required());
            redirect.addFlashAttribute("notice", "plan.plan.cancelled");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "plan.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("id", id);
        return "redirect:/plans/{id}";
    }

    /** The panel of the customer page: the customer's plans and the way to the advice. */
    @GetMapping("/customers/{number}/panel")
    String customerPanel(@PathVariable String number, Model model) {
        model.addAttribute("plans", plans.ofCustomer(number, Actors.required()));
        model.addAttribute("customerNumber", number);
        model.addAttribute("order", null);
        return "plan/panel :: panel";
    }

    /** The panel of an order page: the plans recorded against the order and the way to the customer's advice. */
    @GetMapping("/orders/{number}/panel")
    String orderPanel(@PathVariable String number, @RequestParam(required = false) String customer, Model model) {
        model.addAttribute("plans", plans.ofOrder(number, Actors.required()));
        model.addAttribute("customerNumber", customer);
        model.addAttribute("order", number);
        return "plan/panel :: panel";
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The months of each priced option as JSON for the chart: current and proposed cost. */
    private static String chartData(Advice advice) {
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        for (Advice.Option o : advice.options()) {
            if (o.calculation().isEmpty()) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            List<String> months = new ArrayList<>();
            List<String> current = new ArrayList<>();
            List<String> proposed = new ArrayList<>();
            for (Advice.MonthCalculation m : o.calculation()) {
                months.add("\"" + m.month() + "\"");
                current.add(m.current().total().toPlainString());
                proposed.add(m.proposed().total().toPlainString());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key", "\"" + o.key().replace("\"", "") + "\"");
            fields.put("months", "[" + String.join(",", months) + "]");
            fields.put("current", "[" + String.join(",", current) + "]");
            fields.put("proposed", "[" + String.join(",", proposed) + "]");
            json.append('{');
            json.append(String.join(",", fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()));
            json.append('}');
        }
        return json.append(']').toString();
    }
}
