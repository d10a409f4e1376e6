package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
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

/** The rewards-and-penalties console: the records (a manager's approval queue), a ledger, and the rules. */
@ConsoleController
@RequestMapping("/incentives")
@PreAuthorize("isAuthenticated()")
class IncentiveConsoleController {

    private final Incentives incentives;
    private final MessageSource messages;
    private final Clock clock;

    IncentiveConsoleController(Incentives incentives, MessageSource messages, Clock clock) {
        this.incentives = incentives;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String causeType,
                @RequestParam(required = false) String staff, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", incentives.find(parse(IncentiveStatus.class, status),
                parse(CauseType.class, causeType), staff, null, null,
                PageQuery.of(Math.max(0, page), 20, "proposedAt,desc", Incentives.SORTS), Actors.required()));
        model.addAttribute("status", status);
        model.addAttribute("causeType", causeType);
        model.addAttribute("staff", staff);
        model.addAttribute("statuses", IncentiveStatus.values());
        model.addAttribute("causeTypes", CauseType.values());
        return "incentive/list";
    }

    @PostMapping("/{id:\\d+}/{decision:approve|reject}")
    @PreAuthorize(IncentiveApiController.APPROVERS)
    String decide(@PathVariable long id, @PathVariable String decision,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            incentives.decide(id, decision.equals("approve"), version, note, Actors.required());
            redirect.addFlashAttribute("notice", "incentive." + decision + "d");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "incentive.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("status", "PROPOSED");
        return "redirect:/incentives";
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String staff,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        try {
            model.addAttribute("ledger", incentives.ledger(staff, start, end, Actors.required()));
        } catch (DomainException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("actionError", FormErrors.describe(e, messages, "incentive.field",
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("staff", staff);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "incentive/ledger";
    }

    @GetMapping("/rules")
    String rules(Model model) {
        model.addAttribute("rules", incentives.rules());
        return "incentive/rules";
    }

    @PostMapping("/rules/{causeType}")
    @PreAuthorize(IncentiveApiController.APPROVERS)
    String changeRule(@PathVariable CauseType causeType, @RequestParam(required = false) Integer version,
                      @RequestParam(required = false) Integer points, @RequestParam(required = false) BigDecimal amount,
                      @RequestParam(defaultValue = "false") boolean autoPropose, RedirectAttributes redirect) {
        try {
            incentives.changeRule(causeType, points, amount, autoPropose, version, Actors.required());
            redirect.addFlashAttribute("notice", "incentive.ruleSaved");
            redirect.addFlashAttribute("noticeArg", causeType);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "incentive.field",
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/incentives/rules";
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
