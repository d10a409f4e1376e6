package org.gridcare.customer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer archive in the console: search as you type, the customer's page with service points
 * and meters (personal data masked, "show" unmasks and is audited), create/edit forms, CSV import
 * with its per-row report, and CSV/Excel export of the current search.
 */
@ConsoleController
@RequestMapping("/customers")
class CustomerConsoleController {

    static final String VIEWERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER')";
    private static final int PAGE_SIZE = 20;

    private final Customers customers;
    private final SupplyContracts contracts;
    private final Meters meters;
    private final CustomerImport imports;
    private final CustomerExport exports;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    CustomerConsoleController(Customers customers, SupplyContracts contracts, Meters meters, CustomerImport imports,
                              CustomerExport exports, OrgUnits units, MessageSource messages, Clock clock) {
        this.customers = customers;
        this.contracts = contracts;
        this.meters = meters;
        this.imports = imports;
        this.exports = exports;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- search ----

    @GetMapping
    @PreAuthorize(VIEWERS)
    String search(@ModelAttribute("search") SearchForm search, BindingResult binding,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model, HttpServletResponse response) {
        Actor actor = Actors.required();
        PageResult<CustomerView> result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
        if (!binding.hasErrors()) {
            try {
                int page = search.getPage() == null || search.getPage() < 0 ? 0 : search.getPage();
                Disclosure disclosure = customers.disclose(null, false, actor);
                result = customers.find(search.filter(customers, actor), PageQuery.of(page, PAGE_SIZE, null,
                        Customers.SORTS), actor).map(c -> CustomerView.of(c, customers.unitOf(c.unitId()), disclosure));
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("result", result);
        model.addAttribute("units", units.visibleTo(actor));
        addChoices(model);
        response.addHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "customer/search :: results" : "customer/search";
    }

    @GetMapping("/export")
    @PreAuthorize(CustomerTransferApiController.EXPORTERS)
    void export(@ModelAttribute("search") SearchForm search, @RequestParam(required = false) String format,
                HttpServletResponse response) throws IOException {
        Actor actor = Actors.required();
        CustomerExport.Format chosen = CustomerExport.Format.of(format);
        CustomerFilter filter = search.filter(customers, actor);
        Disclosure disclosure = exports.disclosure(false, actor);
        String fileName = "customers-" + LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE) + "." + chosen.extension;
        response.setContentType(chosen.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        exports.write(filter, chosen, disclosure, actor, response.getOutputStream());
    }

    // ---- the customer's page ----

    @GetMapping("/{number}")
    @PreAuthorize(VIEWERS)
    String show(@PathVariable String number, Model model) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        model.addAttribute("meterForm", new MeterForm());
        return showDetail(customer, customers.disclose(customer, false, actor), model);
    }

    /** The "show" button: the same page with personal data unmasked, audited as CUSTOMER_UNMASKED. */
    @PostMapping("/{number}/unmask")
    @PreAuthorize(VIEWERS)
    String unmask(@PathVariable String number, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        model.addAttribute("meterForm", new MeterForm());
        String page = showDetail(customer, customers.disclose(customer, true, actor), model);
        return htmx != null ? "customer/detail :: personal" : page;
    }

    @PostMapping("/{number}/meters")
    @PreAuthorize(MeterApiController.INSTALLERS)
    String installMeter(@PathVariable String number, @ModelAttribute("meterForm") MeterForm form,
                        BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        if (!result.hasErrors()) {
            try {
                meters.install(number, form.command(), actor);
                redirect.addFlashAttribute("notice", "customer.notice.meterInstalled");
                redirect.addFlashAttribute("noticeArg", form.getMeterNumber());
                return "redirect:/customers/" + number;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return showDetail(customer, customers.disclose(customer, false, actor), model);
    }

    /** A supply-contract change from the customer's page (用电合同变更); the history is shown on the page. */
    @PostMapping("/{number}/contract")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')")
    String changeContract(@PathVariable String number, @ModelAttribute("contractForm") ContractForm form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        try {
            contracts.changeContract(number, new ContractChange(form.getTariffCode(), form.getBasicChargeBasis(),
                    form.getEffectiveFrom(), form.getReason(), form.getReference()), actor);
            redirect.addFlashAttribute("notice", "customer.notice.contractChanged");
            redirect.addFlashAttribute("noticeArg", form.getEffectiveFrom());
            return "redirect:/customers/" + number;
        } catch (DomainException e) {
            FormErrors.reject(result, e);
        }
        return showDetail(customer, customers.disclose(customer, false, actor), model);
    }

    @PostMapping("/{number}/meters/{meterNumber}/removal")
    @PreAuthorize(MeterApiController.INSTALLERS)
    String removeMeter(@PathVariable String number, @PathVariable String meterNumber,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate removedOn,
                       RedirectAttributes redirect) {
        try {
            meters.remove(number, meterNumber, removedOn, Actors.required());
            redirect.addFlashAttribute("notice", "customer.notice.meterRemoved");
            redirect.addFlashAttribute("noticeArg", meterNumber);
        } catch (InvalidInputException | org.gridcare.shared.ConflictException e) {
            redirect.addFlashAttribute("meterError", e.messageCode());
        }
        return "redirect:/customers/" + number;
    }

    private String showDetail(Customer customer, Disclosure disclosure, Model model) {
        Actor actor = Actors.required();
        OrgUnit unit = customers.unitOf(customer.unitId());
        model.addAttribute("customer", CustomerView.of(customer, unit, disclosure));
        model.addAttribute("meters", meters.of(customer.number(), actor));
        model.addAttribute("mayUnmask", !disclosure.unmasked() && customers.mayUnmask(actor));
        model.addAttribute("meterTypes", MeterType.values());
        model.addAttribute("contract", contracts.history(customer.number(), actor));
        if (!model.containsAttribute("contractForm")) {
            ContractForm form = new ContractForm();
            form.setEffectiveFrom(java.time.YearMonth.from(java.time.LocalDate.ofInstant(clock.instant(),
                    org.gridcare.shared.BusinessTime.ZONE)).plusMonths(1).toString());
            form.setTariffCode(customer.tariffCode());
            model.addAttribute("contractForm", form);
        }
        if (!model.containsAttribute("meterForm")) {
            model.addAttribute("meterForm", new MeterForm());
        }
        return "customer/detail";
    }

    // ---- create and edit ----

    @GetMapping("/new")
    @PreAuthorize(CustomerApiController.WRITERS)
    String initCreationForm(Model model) {
        CustomerForm form = new CustomerForm();
        form.setKind(CustomerKind.RESIDENTIAL);
        form.setVoltageLevel(VoltageLevel.AC220V);
        model.addAttribute("form", form);
        return showForm(model, null);
    }

    @PostMapping("/new")
    @PreAuthorize(CustomerApiController.WRITERS)
    String processCreationForm(@ModelAttribute("form") CustomerForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, null);
        }
        try {
            Customer created = customers.register(form.newCustomer().content(), Actors.required());
            redirect.addFlashAttribute("notice", "customer.notice.created");
            redirect.addFlashAttribute("noticeArg", created.number());
            return "redirect:/customers/" + created.number();
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showForm(model, null);
        }
    }

    @GetMapping("/{number}/edit")
    @PreAuthorize(CustomerApiController.WRITERS)
    String initUpdateForm(@PathVariable String number, Model model) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        model.addAttribute("form", CustomerForm.of(customer, customers.unitOf(customer.unitId()).code()));
        return showForm(model, CustomerView.of(customer, customers.unitOf(customer.unitId()),
                customers.disclose(customer, false, actor)));
    }

    @PostMapping("/{number}/edit")
    @PreAuthorize(CustomerApiController.WRITERS)
    String processUpdateForm(@PathVariable String number, @ModelAttribute("form") CustomerForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        CustomerView current = CustomerView.of(customer, customers.unitOf(customer.unitId()),
                customers.disclose(customer, false, actor));
        form.setNumber(number);
        if (result.hasErrors()) {
            return showForm(model, current);
        }
        try {
            customers.change(number, form.changes(), actor);
            redirect.addFlashAttribute("notice", "customer.notice.saved");
            redirect.addFlashAttribute("noticeArg", number);
            return "redirect:/customers/" + number;
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showForm(model, current);
        }
    }

    private String showForm(Model model, CustomerView current) {
        model.addAttribute("current", current);
        model.addAttribute("units", units.visibleTo(Actors.required()).stream().filter(OrgUnit::enabled).toList());
        addChoices(model);
        return "customer/form";
    }

    private static void addChoices(Model model) {
        model.addAttribute("kinds", CustomerKind.values());
        model.addAttribute("voltageLevels", VoltageLevel.values());
        model.addAttribute("flags", CustomerFlag.values());
    }

    // ---- import ----

    @GetMapping("/import")
    @PreAuthorize(CustomerTransferApiController.IMPORTERS)
    String importPage(Model model) {
        model.addAttribute("columns", CustomerImport.COLUMNS);
        return "customer/import";
    }

    @PostMapping("/import")
    @PreAuthorize(CustomerTransferApiController.IMPORTERS)
    String processImport(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                         RedirectAttributes redirect) throws IOException {
        model.addAttribute("columns", CustomerImport.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "validation.customer.import.fileRequired");
            return "customer/import";
        }
        try {
            CustomerImport.Outcome outcome = imports.importCsv(file.getInputStream(), file.getOriginalFilename(),
                    Actors.required());
            model.addAttribute("outcome", outcome);
        } catch (CustomerImport.Rejected rejected) {
            model.addAttribute("errorCount", rejected.count());
            model.addAttribute("report", CustomerTransferApiController.report(rejected, messages,
                    LocaleContextHolder.getLocale()));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "customer/import";
    }

    // ---- forms ----

    /** The search bar: text, kind, flag and unit. */
    public static class SearchForm {
        private String q;
        private CustomerKind kind;
        private CustomerFlag flag;
        private String unit;
        private Integer page;

        CustomerFilter filter(Customers customers, Actor actor) {
            return new CustomerFilter(q, kind, flag, customers.unitFilter(unit, actor));
        }

        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
        public CustomerKind getKind() { return kind; }
        public void setKind(CustomerKind kind) { this.kind = kind; }
        public CustomerFlag getFlag() { return flag; }
        public void setFlag(CustomerFlag flag) { this.flag = flag; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public Integer getPage() { return page; }
        public void setPage(Integer page) { this.page = page; }
    }

    /**
     * The create/edit form. When editing, phone, ID number and address start empty (they are shown
     * masked beside the field): an empty field keeps the stored value, so masked text is never saved.
     */
    public static class CustomerForm {
        private String number;
        private String name;
        private CustomerKind kind;
        private VoltageLevel voltageLevel;
        private String address;
        private String phone;
        private String idNumber;
        private String tariffCode;
        private BigDecimal capacityKva;
        private String unitCode;
        private Set<CustomerFlag> flags = EnumSet.noneOf(CustomerFlag.class);
        private Integer version;

        static CustomerForm of(Customer customer, String unitCode) {
            CustomerForm form = new CustomerForm();
            form.number = customer.number();
            form.name = customer.name();
            form.kind = customer.kind();
            form.voltageLevel = customer.voltageLevel();
            form.tariffCode = customer.tariffCode();
            form.capacityKva = customer.capacityKva();
            form.unitCode = unitCode;
            form.flags = customer.flags().isEmpty() ? EnumSet.noneOf(CustomerFlag.class) : EnumSet.copyOf(customer.flags());
            form.version = customer.version();
            return form;
        }

        NewCustomer newCustomer() {
            return new NewCustomer(number, name, kind, voltageLevel, address, null, phones(), idNumber, tariffCode,
                    capacityKva, unitCode, flags);
        }

        CustomerChanges changes() {
            return new CustomerChanges(name, kind, voltageLevel, blankToNull(address), null, phones(),
                    blankToNull(idNumber), tariffCode == null ? "" : tariffCode, capacityKva, unitCode,
                    flags == null ? Set.of() : flags, version);
        }

        private List<String> phones() {
            if (phone == null || phone.isBlank()) {
                return null;
            }
            return Arrays.stream(phone.split("[;,，；\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public CustomerKind getKind() { return kind; }
        public void setKind(CustomerKind kind) { this.kind = kind; }
        public VoltageLevel getVoltageLevel() { return voltageLevel; }
        public void setVoltageLevel(VoltageLevel voltageLevel) { this.voltageLevel = voltageLevel; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getTariffCode() { return tariffCode; }
        public void setTariffCode(String tariffCode) { this.tariffCode = tariffCode; }
        public BigDecimal getCapacityKva() { return capacityKva; }
        public void setCapacityKva(BigDecimal capacityKva) { this.capacityKva = capacityKva; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public Set<CustomerFlag> getFlags() { return flags; }
        public void setFlags(Set<CustomerFlag> flags) { this.flags = flags; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
    }

    /** Recording a meter on the customer's page. */
    public static class MeterForm {
        private String meterNumber;
        private MeterType type;
        private BigDecimal multiplier = BigDecimal.ONE;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate installedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate removedOn;
        private String servicePoint;

        NewMeter command() {
            return new NewMeter(meterNumber, type, multiplier, installedOn, removedOn, servicePoint);
        }

        public String getMeterNumber() { return meterNumber; }
        public void setMeterNumber(String meterNumber) { this.meterNumber = meterNumber; }
        public MeterType getType() { return type; }
        public void setType(MeterType type) { this.type = type; }
        public BigDecimal getMultiplier() { return multiplier; }
        public void setMultiplier(BigDecimal multiplier) { this.multiplier = multiplier; }
        public LocalDate getInstalledOn() { return installedOn; }
        public void setInstalledOn(LocalDate installedOn) { this.installedOn = installedOn; }
        public LocalDate getRemovedOn() { return removedOn; }
        public void setRemovedOn(LocalDate removedOn) { this.removedOn = removedOn; }
        public String getServicePoint() { return servicePoint; }
        public void setServicePoint(String servicePoint) { this.servicePoint = servicePoint; }
    }

    /** Changing the supply contract on the customer's page. */
    public static class ContractForm {
        private String tariffCode;
        private String basicChargeBasis;
        private String effectiveFrom;
        private String reason;
        private String reference;

        public String getTariffCode() { return tariffCode; }
        public void setTariffCode(String tariffCode) { this.tariffCode = tariffCode; }
        public String getBasicChargeBasis() { return basicChargeBasis; }
        public void setBasicChargeBasis(String basicChargeBasis) { this.basicChargeBasis = basicChargeBasis; }
        public String getEffectiveFrom() { return effectiveFrom; }
        public void setEffectiveFrom(String effectiveFrom) { this.effectiveFrom = effectiveFrom; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
    }
}
