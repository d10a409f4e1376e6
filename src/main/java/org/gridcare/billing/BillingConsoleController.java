package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridcare.customer.BillingAccount;
import org.gridcare.customer.BillingAccounts;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Billing in the console: tariffs and their versions (examples marked), the quote calculator, a customer's
 * bills with one bill's lines and the explanation against another month, and bill runs.
 */
@ConsoleController
class BillingConsoleController {

    private final Tariffs tariffs;
    private final BillCalculator calculator;
    private final Bills bills;
    private final BillRuns runs;
    private final BillingAccounts accounts;
    private final OrgUnits units;
    private final MessageSource messages;
    private final java.time.Clock clock;

    BillingConsoleController(Tariffs tariffs, BillCalculator calculator, Bills bills, BillRuns runs,
                             BillingAccounts accounts, OrgUnits units, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.tariffs = tariffs;
        this.calculator = calculator;
        this.bills = bills;
        this.runs = runs;
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/billing/tariffs")
    @PreAuthorize(BillingApiController.READERS)
    String tariffs(Model model) {
        model.addAttribute("tariffs", tariffs.all());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), org.gridcare.shared.BusinessTime.ZONE));
        return "billing/tariffs";
    }

    @GetMapping("/billing/tariffs/{code}")
    @PreAuthorize(BillingApiController.READERS)
    String tariff(@PathVariable String code, Model model) {
        Tariff tariff = tariffs.find(code).orElseThrow(() -> new NotFoundException("Tariff", code));
        model.addAttribute("tariff", tariff);
        model.addAttribute("periods", TouPeriod.values());
        return "billing/tariff";
    }

    /** The calculator's form: every field a string, so that a bad number comes back as a message, not an error. */
    public static final class QuoteForm {
        private String tariffCode;
        private String periodStart;
        private String periodEnd;
        private String total;
        private String criticalPeak;
        private String peak;
        private String flat;
        private String valley;
        private String annualKwhBefore;
        private String capacityKva;
        private String maxDemandKw;
        private String basicChargeBasis;
        private String reactiveKvarh;
        private String pfStandard;

        public String getTariffCode() { return tariffCode; }
        public void setTariffCode(String v) { tariffCode = v; }
        public String getPeriodStart() { return periodStart; }
        public void setPeriodStart(String v) { periodStart = v; }
        public String getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(String v) { periodEnd = v; }
        public String getTotal() { return total; }
        public void setTotal(String v) { total = v; }
        public String getCriticalPeak() { return criticalPeak; }
        public void setCriticalPeak(String v) { criticalPeak = v; }
        public String getPeak() { return peak; }
        public void setPeak(String v) { peak = v; }
        public String getFlat() { return flat; }
        public void setFlat(String v) { flat = v; }
        public String getValley() { return valley; }
        public void setValley(String v) { valley = v; }
        public String getAnnualKwhBefore() { return annualKwhBefore; }
        public void setAnnualKwhBefore(String v) { annualKwhBefore = v; }
        public String getCapacityKva() { return capacityKva; }
        public void setCapacityKva(String v) { capacityKva = v; }
        public String getMaxDemandKw() { return maxDemandKw; }
        public void setMaxDemandKw(String v) { maxDemandKw = v; }
        public String getBasicChargeBasis() { return basicChargeBasis; }
        public void setBasicChargeBasis(String v) { basicChargeBasis = v; }
        public String getReactiveKvarh() { return reactiveKvarh; }
        public void setReactiveKvarh(String v) { reactiveKvarh = v; }
        public String getPfStandard() { return pfStandard; }
        public void setPfStandard(String v) { pfStandard = v; }

        QuoteRequest toRequest(Map<String, String> errors) {
            LocalDate start = date("periodStart", periodStart, errors);
            LocalDate end = date("periodEnd", periodEnd, errors);
            QuoteRequest.Kwh kwh = new QuoteRequest.Kwh(number("kwh.total", total, errors),
                    number("kwh.criticalPeak", criticalPeak, errors), number("kwh.peak", peak, errors),
                    number("kwh.flat", flat, errors), number("kwh.valley", valley, errors));
            BasicChargeBasis basis = null;
            if (basicChargeBasis != null && !basicChargeBasis.isBlank()) {
                try {
                    basis = BasicChargeBasis.valueOf(basicChargeBasis);
                } catch (IllegalArgumentException e) {
                    errors.put("basicChargeBasis", "billing.validation.basis");
                }
            }
            return new QuoteRequest(tariffCode, start, end, kwh, number("annualKwhBefore", annualKwhBefore, errors),
                    number("capacityKva", capacityKva, errors), number("maxDemandKw", maxDemandKw, errors), basis,
                    number("reactiveKvarh", reactiveKvarh, errors), number("pfStandard", pfStandard, errors));
        }

        private static LocalDate date(String field, String value, Map<String, String> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                errors.put(field, "billing.validation.date");
                return null;
            }
        }

        private static BigDecimal number(String field, String value, Map<String, String> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                errors.put(field, "billing.validation.number");
                return null;
            }
        }
    }

    @GetMapping("/billing/quote")
    @PreAuthorize(BillingApiController.READERS)
    String quoteForm(@RequestParam(required = false) String tariff, Model model) {
        QuoteForm form = new QuoteForm();
        YearMonth last = lastMonth();
        form.setTariffCode(tariff != null ? tariff : "ZJ-RES-FLAT");
        form.setPeriodStart(last.atDay(1).toString());
        form.setPeriodEnd(last.atEndOfMonth().toString());
        model.addAttribute("form", form);
        return quotePage(model);
    }

    @PostMapping("/billing/quote")
    @PreAuthorize(BillingApiController.READERS)
    String quote(@ModelAttribute("form") QuoteForm form, Model model) {
        Map<String, String> codes = new LinkedHashMap<>();
        QuoteRequest request = form.toRequest(codes);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        codes.forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
        if (errors.isEmpty()) {
            try {
                model.addAttribute("quote", calculator.quote(request));
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.put(v.field(),
                        messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale)));
            }
        }
        model.addAttribute("errors", errors);
        return quotePage(model);
    }

    private String quotePage(Model model) {
        model.addAttribute("tariffs", tariffs.all());
        model.addAttribute("bases", BasicChargeBasis.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "billing/quote";
    }

    @GetMapping("/billing/customers/{number}")
    @PreAuthorize(BillingApiController.READERS)
    String customerBills(@PathVariable String number, @RequestParam(required = false) String month,
                         @RequestParam(required = false) String compareTo, Model model) {
        BillingAccount account = accounts.find(number, units.scopeOf(Actors.required()))
                .orElseThrow(() -> new NotFoundException("Customer", number));
        List<Bill> list = bills.ofCustomer(number, Actors.required());
        model.addAttribute("account", account);
        model.addAttribute("bills", list);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new LinkedHashMap<String, String>());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        Locale locale = LocaleContextHolder.getLocale();
        YearMonth selected = null;
        try {
            selected = month == null || month.isBlank() ? list.stream().findFirst().map(Bill::month).orElse(null)
                    : Bills.month(month, "month");
        } catch (InvalidInputException e) {
            put(errors, e, locale);
        }
        if (selected != null) {
            Bill bill = bills.forCustomerMonth(number, selected, Actors.required()).orElse(null);
            model.addAttribute("bill", bill);
            if (bill != null) {
                try {
                    YearMonth other = compareTo == null || compareTo.isBlank() ? null : Bills.month(compareTo, "compareTo");
                    boolean previousExists = list.stream().anyMatch(b -> b.month().equals(bill.month().minusMonths(1)));
                    if (other != null || previousExists) {
                        model.addAttribute("explanation", bills.explain(number, selected, other, Actors.required()));
                    }
                } catch (InvalidInputException e) {
                    put(errors, e, locale);
                }
            }
        }
        model.addAttribute("selectedMonth", selected);
        model.addAttribute("compareTo", compareTo);
        model.addAttribute("lastMonth", lastMonth());
        return "billing/customer";
    }

    @PostMapping("/billing/customers/{number}/bills")
    @PreAuthorize(BillingApiController.CALCULATORS)
    String calculate(@PathVariable String number, @RequestParam(required = false) String month, Model model) {
        try {
            YearMonth ym = runs.endedMonth(month, "month");
            bills.calculate(number, ym, Actors.required());
            return "redirect:/billing/customers/" + number + "?month=" + ym;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            put(errors, e, LocaleContextHolder.getLocale());
            model.addAttribute("errors", errors);
            model.addAttribute("calculateMonth", month);
            return customerBills(number, null, null, model);
        }
    }

    @GetMapping("/billing/runs")
    @PreAuthorize(BillingApiController.RUNNERS)
    String runs(Model model) {
        model.addAttribute("runs", runs.recent(Actors.required()));
        model.addAttribute("lastMonth", lastMonth());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "billing/runs";
    }

    @PostMapping("/billing/runs")
    @PreAuthorize(BillingApiController.RUNNERS)
    String startRun(@RequestParam(required = false) String month, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            runs.start(month, Actors.required());
            return "redirect:/billing/runs";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            put(errors, e, locale);
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("month", messages.getMessage(e.messageCode(), e.arguments(), locale)));
        }
        return runs(model);
    }

    private YearMonth lastMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), org.gridcare.shared.BusinessTime.ZONE)).minusMonths(1);
    }

    private void put(Map<String, String> errors, InvalidInputException e, Locale locale) {
        e.violations().forEach(v -> errors.put(v.field(),
                messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale)));
    }
}
