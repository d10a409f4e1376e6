package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rubric screens: every version per type with its source, one version's items, and the draft editor. */
@ConsoleController
@RequestMapping("/quality/rubrics")
@PreAuthorize("isAuthenticated()")
class RubricConsoleController {

    private final Rubrics rubrics;
    private final MessageSource messages;

    RubricConsoleController(Rubrics rubrics, MessageSource messages) {
        this.rubrics = rubrics;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String type, Model model) {
        WorkOrderType orderType = parseType(type);
        model.addAttribute("versions", rubrics.list(orderType));
        model.addAttribute("type", orderType);
        model.addAttribute("types", WorkOrderType.values());
        return "quality/rubrics";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("rubric", rubrics.get(id));
        return "quality/rubric";
    }

    /** A new draft, prefilled with the items of the version in force of the type. */
    @GetMapping("/new")
    @PreAuthorize(RubricApiController.EDITORS)
    String initDraftForm(@RequestParam(required = false) String type, Model model) {
        WorkOrderType orderType = parseType(type);
        DraftForm form = new DraftForm();
        form.setOrderType(orderType == null ? WorkOrderType.CONSULTATION : orderType);
        rubrics.inForce(form.getOrderType(), null).ifPresent(current -> form.fill(current));
        form.pad();
        model.addAttribute("draftForm", form);
        model.addAttribute("types", WorkOrderType.values());
        return "quality/rubric-form";
    }

    @PostMapping("/new")
    @PreAuthorize(RubricApiController.EDITORS)
    String processDraftForm(@ModelAttribute("draftForm") DraftForm form, BindingResult result, Model model,
                            RedirectAttributes redirect) {
        try {
            RubricVersion created = form.id() == null ? rubrics.createDraft(form.command(), Actors.required())
                    : rubrics.changeDraft(form.id(), form.command(), form.getVersion(), Actors.required());
            redirect.addFlashAttribute("notice", "quality.rubric.saved");
            redirect.addFlashAttribute("noticeArg", created.number());
            redirect.addAttribute("id", created.id());
            return "redirect:/quality/rubrics/{id}";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
        }
        form.pad();
        model.addAttribute("types", WorkOrderType.values());
        return "quality/rubric-form";
    }

    @GetMapping("/{id:\\d+}/edit")
    @PreAuthorize(RubricApiController.EDITORS)
    String initChangeForm(@PathVariable long id, Model model) {
        RubricVersion draft = rubrics.get(id);
        DraftForm form = new DraftForm();
        form.setOrderType(draft.orderType());
        form.fill(draft);
        form.setDraftId(draft.id());
        form.setVersion(draft.version());
        form.pad();
        model.addAttribute("draftForm", form);
        model.addAttribute("types", WorkOrderType.values());
        return "quality/rubric-form";
    }

    @PostMapping("/{id:\\d+}/publish")
    @PreAuthorize(RubricApiController.EDITORS)
    String publish(@PathVariable long id, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime effectiveFrom,
                   RedirectAttributes redirect) {
        try {
            Instant effective = effectiveFrom == null ? null : effectiveFrom.atZone(BusinessTime.ZONE).toInstant();
            RubricVersion published = rubrics.publishDraft(id, effective, version, Actors.required());
            redirect.addFlashAttribute("notice", "quality.rubric.published");
            redirect.addFlashAttribute("noticeArg", published.number());
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "quality.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("id", id);
        return "redirect:/quality/rubrics/{id}";
    }

    @PostMapping("/{id:\\d+}/delete")
    @PreAuthorize(RubricApiController.EDITORS)
    String delete(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            rubrics.deleteDraft(id, version, Actors.required());
            redirect.addFlashAttribute("notice", "quality.rubric.deleted");
            redirect.addFlashAttribute("noticeArg", id);
            return "redirect:/quality/rubrics";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "quality.field",
                    LocaleContextHolder.getLocale()));
            redirect.addAttribute("id", id);
            return "redirect:/quality/rubrics/{id}";
        }
    }

    static WorkOrderType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return WorkOrderType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The draft editor: the version's title and note and a fixed set of item rows (blank rows are ignored). */
    static class DraftForm {
        private Long draftId;
        private Integer version;
        private WorkOrderType orderType;
        private String title;
        private String note;
        private List<ItemRow> items = new ArrayList<>();

        void fill(RubricVersion source) {
            title = source.title();
            note = source.note();
            items = new ArrayList<>();
            for (RubricVersion.Item item : source.items()) {
                ItemRow row = new ItemRow();
                row.setCode(item.code());
                row.setName(item.name());
                row.setNameEn(item.nameEn());
                row.setDescription(item.description());
                row.setPoints(item.points());
                row.setSeverity(item.severity());
                items.add(row);
            }
        }

        void pad() {
            for (int i = 0; i < 3; i++) {
                items.add(new ItemRow());
            }
        }

        Long id() {
            return draftId;
        }

        NewRubricVersion command() {
            List<NewRubricVersion.Item> entered = items.stream().filter(r -> !r.blank())
                    .map(r -> new NewRubricVersion.Item(r.getCode(), r.getName(), r.getNameEn(), r.getDescription(),
                            r.getPoints(), r.getSeverity())).toList();
            return new NewRubricVersion(orderType, title, note, entered);
        }

        public Long getDraftId() { return draftId; }
        public void setDraftId(Long draftId) { this.draftId = draftId; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public WorkOrderType getOrderType() { return orderType; }
        public void setOrderType(WorkOrderType orderType) { this.orderType = orderType; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public List<ItemRow> getItems() { return items; }
        public void setItems(List<ItemRow> items) { this.items = items; }
    }

    /** One item row of the editor. */
    public static class ItemRow {
        private String code;
        private String name;
        private String nameEn;
        private String description;
        private BigDecimal points;
        private FindingSeverity severity = FindingSeverity.ERROR;

        boolean blank() {
            return (code == null || code.isBlank()) && (name == null || name.isBlank()) && points == null;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public BigDecimal getPoints() { return points; }
        public void setPoints(BigDecimal points) { this.points = points; }
        public FindingSeverity getSeverity() { return severity; }
        public void setSeverity(FindingSeverity severity) { this.severity = severity; }
    }
}
