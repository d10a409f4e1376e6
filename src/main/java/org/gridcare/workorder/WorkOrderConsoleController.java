package org.gridcare.workorder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridcare.identity.UserView;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work order console: the agent's intake, the queues with live counts, the order page with its clocks,
 * timeline, attachments and possible actions, the dispatcher's board, the inbox and the category tree.
 */
@ConsoleController
@RequestMapping("/work-orders")
@PreAuthorize("isAuthenticated()")
class WorkOrderConsoleController {

    static final List<String> QUEUES = List.of("mine", "team", "toDispatch", "toReview", "overdue", "warning");

    private final WorkOrders orders;
    private final ReturnVisits returnVisits;
    private final MessageSource messages;

    WorkOrderConsoleController(WorkOrders orders, ReturnVisits returnVisits, MessageSource messages) {
        this.orders = orders;
        this.returnVisits = returnVisits;
        this.messages = messages;
    }

    // ---- queues

    @GetMapping
    String queues(@RequestParam(defaultValue = "mine") String queue, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        Actor actor = Actors.required();
        String selected = QUEUES.contains(queue) ? queue : "mine";
        model.addAttribute("queue", selected);
        model.addAttribute("queues", QUEUES);
        model.addAttribute("counts", counts(actor));
        model.addAttribute("result", orders.queue(selected, Math.max(0, page), actor));
        return "workorder/queues";
    }

    /** The live queue counts, polled by htmx. */
    @GetMapping("/counts")
    String countsFragment(@RequestParam(defaultValue = "mine") String queue, Model model) {
        model.addAttribute("queue", QUEUES.contains(queue) ? queue : "mine");
        model.addAttribute("queues", QUEUES);
        model.addAttribute("counts", counts(Actors.required()));
        return "workorder/queues :: counts";
    }

    /** The badges: {@code 1000+} where a queue holds at least {@link QueueCounts#CAP} orders. */
    private static Map<String, String> counts(QueueCounts c) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("mine", c.label(c.mine()));
        counts.put("team", c.label(c.team()));
        counts.put("toDispatch", c.label(c.toDispatch()));
        counts.put("toReview", c.label(c.toReview()));
        counts.put("overdue", c.label(c.overdue()));
        counts.put("warning", c.label(c.warning()));
        return counts;
    }

    private Map<String, String> counts(Actor actor) {
        return counts(orders.counts(actor));
    }

    // ---- intake

    @GetMapping("/new")
    @PreAuthorize(WorkOrderApiController.INTAKE_ROLES)
    String initIntakeForm(@RequestParam(required = false) String customerNumber, Model model) {
        IntakeForm form = new IntakeForm();
        form.setCustomerNumber(customerNumber);
        model.addAttribute("intake", form);
        return showIntake(model, form);
    }

    @PostMapping("/new")
    @PreAuthorize(WorkOrderApiController.INTAKE_ROLES)
    String processIntakeForm(@Valid @ModelAttribute("intake") IntakeForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showIntake(model, form);
        }
        try {
            WorkOrderView created = orders.create(form.command(), form.getIdempotencyKey(), Actors.required()).order();
            redirect.addFlashAttribute("notice", "workOrder.intake.saved");
            redirect.addFlashAttribute("noticeArg", created.number());
            redirect.addAttribute("number", created.number());
            return "redirect:/work-orders/{number}";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showIntake(model, form);
        }
    }

    private String showIntake(Model model, IntakeForm form) {
        model.addAttribute("types", WorkOrderType.values());
        model.addAttribute("subTypes", SubType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", orders.categories().stream().filter(Category::enabled).toList());
        if (form.getIdempotencyKey() == null) {
            form.setIdempotencyKey(java.util.UUID.randomUUID().toString());
        }
        addCustomer(form.getCustomerNumber(), model);
        return "workorder/intake";
    }

    /** htmx: customers matching what the agent typed, or the archive summary of one. */
    @GetMapping("/new/customer")
    @PreAuthorize(WorkOrderApiController.INTAKE_ROLES)
    String customerFragment(@RequestParam(required = false) String query,
                            @RequestParam(required = false) String customerNumber, Model model) {
        Actor actor = Actors.required();
        if (customerNumber != null && !customerNumber.isBlank()) {
            addCustomer(customerNumber, model);
        } else {
            model.addAttribute("matches", orders.lookupCustomers(query, actor));
            model.addAttribute("searched", query != null && !query.isBlank());
        }
        return "workorder/intake :: customer";
    }

    private void addCustomer(String customerNumber, Model model) {
        Actor actor = Actors.required();
        orders.customer(customerNumber, actor).ifPresent(customer -> {
            model.addAttribute("customer", customer);
            model.addAttribute("recent", orders.recentOfCustomer(customer.number(), actor, 5));
            model.addAttribute("openOrders", orders.openOfCustomer(customer.number(), actor));
        });
    }

    /** htmx: the deadlines the order would get if saved now. */
    @GetMapping("/new/preview")
    @PreAuthorize(WorkOrderApiController.INTAKE_ROLES)
    String previewFragment(@RequestParam(required = false) String type, @RequestParam(required = false) String subType,
                           @RequestParam(required = false) String priority,
                           @RequestParam(required = false) String channel,
                           @RequestParam(required = false) String customerNumber, Model model) {
        model.addAttribute("preview", orders.preview(parse(WorkOrderType.class, type), parse(SubType.class, subType),
                parse(Priority.class, priority), parse(Channel.class, channel), customerNumber, Actors.required()));
        return "workorder/intake :: preview";
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

    // ---- the order page

    @GetMapping("/{number:GD\\d+}")
    String order(@PathVariable String number, Model model) {
        Actor actor = Actors.required();
        WorkOrderView order = orders.get(number, actor);
        return showOrder(order, new VisitForm(order.version()), model);
    }

    private String showOrder(WorkOrderView order, VisitForm visit, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("order", order);
        model.addAttribute("visitForm", visit);
        model.addAttribute("visitResults", VisitResult.values());
        model.addAttribute("visitAspects", VisitAspect.values());
        model.addAttribute("visits", returnVisits.attempts(order.number(), actor));
        if (order.actions().contains("dispatch")) {
            model.addAttribute("fieldStaff", orders.fieldStaffFor(actor));
        }
        return "workorder/order";
    }

    /** The return-visit form: a wrong or missing field is shown next to it, on the order page. */
    @PostMapping("/{number:GD\\d+}/visit")
    String visit(@PathVariable String number, @Valid @ModelAttribute("visitForm") VisitForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        if (!result.hasErrors()) {
            try {
                orders.act(number, Action.VISIT, form.request(), actor);
                redirect.addFlashAttribute("notice", "workOrder.order.done");
                redirect.addFlashAttribute("noticeArg", messages.getMessage("workOrder.action.visit", null,
                        LocaleContextHolder.getLocale()));
                redirect.addAttribute("number", number);
                return "redirect:/work-orders/{number}";
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return showOrder(orders.get(number, actor), form, model);
    }

    // ---- the return-visit queue

    @GetMapping("/visits")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')")
    String visitQueue(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", returnVisits.queue(Math.max(0, page), 20, Actors.required()));
        return "workorder/visits";
    }

    @PostMapping("/{number:GD\\d+}/act/{action}")
    String act(@PathVariable String number, @PathVariable String action, @ModelAttribute ActionForm form,
               RedirectAttributes redirect) {
        Action named = Action.fromPath(action).orElseThrow(() ->
                new org.gridcare.shared.NotFoundException("Action", action));
        try {
            orders.act(number, named, form.request(), Actors.required());
            redirect.addFlashAttribute("notice", "workOrder.order.done");
            redirect.addFlashAttribute("noticeArg", messages.getMessage("workOrder.action." + named.path(), null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("number", number);
        return "redirect:/work-orders/{number}";
    }

    @PostMapping("/{number:GD\\d+}/attachments")
    String upload(@PathVariable String number, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            orders.attach(number, file.getOriginalFilename(), file.getBytes(), Actors.required());
            redirect.addFlashAttribute("notice", "workOrder.order.done");
            redirect.addFlashAttribute("noticeArg", messages.getMessage("workOrder.order.upload", null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        redirect.addAttribute("number", number);
        return "redirect:/work-orders/{number}";
    }

    @GetMapping("/{number:GD\\d+}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
        WorkOrders.Attachment attachment = orders.attachment(number, id, Actors.required());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    private String describe(DomainException e) {
        return FormErrors.describe(e, messages, "workOrder.field", LocaleContextHolder.getLocale());
    }

    // ---- dispatcher's board

    @GetMapping("/board")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'DISPATCHER', 'SUPERVISOR')")
    String board(Model model) {
        Actor actor = Actors.required();
        List<WorkOrderView> waiting = orders.queue("toDispatch", 0, actor).items();
        model.addAttribute("byUnit", waiting.stream().collect(Collectors.groupingBy(WorkOrderView::unitCode,
                java.util.TreeMap::new, Collectors.toList())));
        List<UserView> staff = orders.fieldStaffFor(actor);
        model.addAttribute("staffByUnit", staff.stream().collect(Collectors.groupingBy(UserView::unitCode)));
        model.addAttribute("allStaff", staff);
        return "workorder/board";
    }

    // ---- inbox

    @GetMapping("/inbox")
    String inbox(Model model) {
        Actor actor = Actors.required();
        model.addAttribute("notifications", orders.notifications(actor));
        model.addAttribute("unread", orders.unreadNotifications(actor));
        return "workorder/inbox";
    }

    @GetMapping("/inbox/count")
    String unreadFragment(Model model) {
        model.addAttribute("unread", orders.unreadNotifications(Actors.required()));
        return "workorder/inbox :: navUnread";
    }

    @PostMapping("/inbox/read")
    String markRead() {
        orders.markNotificationsRead(Actors.required());
        return "redirect:/work-orders/inbox";
    }

    // ---- the category tree

    @GetMapping("/categories")
    @PreAuthorize("hasRole('ADMIN')")
    String categories(Model model) {
        model.addAttribute("category", new CategoryForm());
        return showCategories(model);
    }

    @PostMapping("/categories")
    @PreAuthorize("hasRole('ADMIN')")
    String addCategory(@Valid @ModelAttribute("category") CategoryForm form, BindingResult result, Model model,
                       RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showCategories(model);
        }
        try {
            orders.addCategory(new Category(form.getCode().trim(), WorkOrder.blankToNull(form.getParentCode()),
                    form.getType(), form.getName().trim(), form.getNameEn().trim(), form.getSortOrder(), true),
                    Actors.required());
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showCategories(model);
        }
        redirect.addFlashAttribute("notice", "workOrder.order.done");
        redirect.addFlashAttribute("noticeArg", form.getCode());
        return "redirect:/work-orders/categories";
    }

    @PostMapping("/categories/{code}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String enableCategory(@PathVariable String code, @RequestParam boolean enabled) {
        orders.enableCategory(code, enabled, Actors.required());
        return "redirect:/work-orders/categories";
    }

    @GetMapping("/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String editCategory(@PathVariable String code, Model model) {
        Category current = orders.category(code).orElseThrow(() ->
                new org.gridcare.shared.NotFoundException("WorkOrderCategory", code));
        CategoryForm form = new CategoryForm();
        form.setCode(current.code());
        form.setParentCode(current.parentCode());
        form.setType(current.type());
        form.setName(current.name());
        form.setNameEn(current.nameEn());
        form.setSortOrder(current.sortOrder());
        model.addAttribute("category", form);
        model.addAttribute("editing", current);
        return showCategories(model);
    }

    @PostMapping("/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String changeCategory(@PathVariable String code, @Valid @ModelAttribute("category") CategoryForm form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        Category current = orders.category(code).orElseThrow(() ->
                new org.gridcare.shared.NotFoundException("WorkOrderCategory", code));
        model.addAttribute("editing", current);
        if (result.hasFieldErrors("parentCode") || result.hasFieldErrors("name") || result.hasFieldErrors("nameEn")) {
            return showCategories(model);
        }
        try {
            orders.changeCategory(code, new CategoryChange(form.getParentCode(), form.getName(), form.getNameEn(),
                    form.getSortOrder()), Actors.required());
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showCategories(model);
        }
        redirect.addFlashAttribute("notice", "workOrder.order.done");
        redirect.addFlashAttribute("noticeArg", code);
        return "redirect:/work-orders/categories";
    }

    private String showCategories(Model model) {
        List<Category> all = orders.categories();
        model.addAttribute("categories", all);
        model.addAttribute("types", WorkOrderType.values());
        return "workorder/categories";
    }

    /** The intake form. */
    static class IntakeForm {
        @NotNull private WorkOrderType type;
        private SubType subType;
        @NotBlank private String category;
        @NotNull private Channel channel = Channel.HOTLINE_95598;
        private Priority priority = Priority.NORMAL;
        @Size(max = 13) private String customerNumber;
        @NotBlank @Size(max = 50) private String callerName;
        @NotBlank @Size(max = 30) private String callerPhone;
        @Size(max = 200) private String address;
        @NotBlank @Size(max = 4000) private String description;
        private boolean sensitive;
        private boolean media;
        private boolean escalationRisk;
        private String idempotencyKey;

        NewWorkOrder command() {
            return new NewWorkOrder(type, subType, category, channel, priority, customerNumber, callerName,
                    callerPhone, address, description, sensitive, media, escalationRisk);
        }

        public WorkOrderType getType() { return type; }
        public void setType(WorkOrderType type) { this.type = type; }
        public SubType getSubType() { return subType; }
        public void setSubType(SubType subType) { this.subType = subType; }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public Channel getChannel() { return channel; }
        public void setChannel(Channel channel) { this.channel = channel; }
        public Priority getPriority() { return priority; }
        public void setPriority(Priority priority) { this.priority = priority; }
        public String getCustomerNumber() { return customerNumber; }
        public void setCustomerNumber(String customerNumber) { this.customerNumber = customerNumber; }
        public String getCallerName() { return callerName; }
        public void setCallerName(String callerName) { this.callerName = callerName; }
        public String getCallerPhone() { return callerPhone; }
        public void setCallerPhone(String callerPhone) { this.callerPhone = callerPhone; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public boolean isSensitive() { return sensitive; }
        public void setSensitive(boolean sensitive) { this.sensitive = sensitive; }
        public boolean isMedia() { return media; }
        public void setMedia(boolean media) { this.media = media; }
        public boolean isEscalationRisk() { return escalationRisk; }
        public void setEscalationRisk(boolean escalationRisk) { this.escalationRisk = escalationRisk; }
        public String getIdempotencyKey() { return idempotencyKey; }
        public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    }

    /** The fields of any action form on the order page; each form sends the ones its action needs. */
    static class ActionForm {
        private Integer version;
        private String handler;
        private String replyText;
        private String result;
        private Boolean approved;
        private String note;
        private String unitCode;
        private String reason;
        @org.springframework.format.annotation.DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime dueAt;
        private String parentNumber;

        ActionRequest request() {
            return new ActionRequest(version, WorkOrder.blankToNull(handler), replyText, WorkOrder.blankToNull(result),
                    approved, WorkOrder.blankToNull(note), null, null, WorkOrder.blankToNull(unitCode),
                    WorkOrder.blankToNull(reason), dueAt == null ? null : dueAt.atZone(BusinessTime.ZONE).toInstant(),
                    WorkOrder.blankToNull(parentNumber));
        }

        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public String getHandler() { return handler; }
        public void setHandler(String handler) { this.handler = handler; }
        public String getReplyText() { return replyText; }
        public void setReplyText(String replyText) { this.replyText = replyText; }
        public String getResult() { return result; }
        public void setResult(String result) { this.result = result; }
        public Boolean getApproved() { return approved; }
        public void setApproved(Boolean approved) { this.approved = approved; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public LocalDateTime getDueAt() { return dueAt; }
        public void setDueAt(LocalDateTime dueAt) { this.dueAt = dueAt; }
        public String getParentNumber() { return parentNumber; }
        public void setParentNumber(String parentNumber) { this.parentNumber = parentNumber; }
    }

    /** The return-visit form on the order page. */
    static class VisitForm {
        @NotNull private Integer version;
        @NotNull private VisitResult result;
        private java.util.Set<VisitAspect> aspects = java.util.EnumSet.noneOf(VisitAspect.class);
        @Size(max = 2000) private String comment;

        public VisitForm() {
        }

        VisitForm(int version) {
            this.version = version;
        }

        ActionRequest request() {
            return new ActionRequest(version, null, null, result.name(), null, null, comment, aspects, null, null,
                    null, null);
        }

        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public VisitResult getResult() { return result; }
        public void setResult(VisitResult result) { this.result = result; }
        public java.util.Set<VisitAspect> getAspects() { return aspects; }
        public void setAspects(java.util.Set<VisitAspect> aspects) { this.aspects = aspects; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }

    /** A new category in the console. */
    static class CategoryForm {
        @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9_.]{2,64}") private String code;
        private String parentCode;
        @NotNull private WorkOrderType type;
        @NotBlank @Size(max = 100) private String name;
        @NotBlank @Size(max = 100) private String nameEn;
        private int sortOrder;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getParentCode() { return parentCode; }
        public void setParentCode(String parentCode) { this.parentCode = parentCode; }
        public WorkOrderType getType() { return type; }
        public void setType(WorkOrderType type) { this.type = type; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public int getSortOrder() { return sortOrder; }
        public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    }
}
