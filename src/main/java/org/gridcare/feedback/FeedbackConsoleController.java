package org.gridcare.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The feedback console: the list with filters, the form for a new feedback and the page of one with its moves. */
@ConsoleController
@RequestMapping("/feedback")
@PreAuthorize(FeedbackApiController.READERS)
class FeedbackConsoleController {

    private final Feedbacks feedbacks;
    private final MessageSource messages;

    FeedbackConsoleController(Feedbacks feedbacks, MessageSource messages) {
        this.feedbacks = feedbacks;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String category, @RequestParam(required = false) String sentiment,
                @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("result", feedbacks.find(parse(FeedbackStatus.class, status),
                parse(FeedbackChannel.class, channel), parse(FeedbackCategory.class, category),
                parse(Sentiment.class, sentiment), null, overdue, null, null,
                PageQuery.of(Math.max(0, page), 20, "createdAt,desc", Feedbacks.SORTS), Actors.required()));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("category", category);
        model.addAttribute("sentiment", sentiment);
        model.addAttribute("overdue", overdue);
        addChoices(model);
        return "feedback/list";
    }

    @GetMapping("/new")
    @PreAuthorize(FeedbackApiController.HANDLERS)
    String initCreateForm(Model model) {
        model.addAttribute("feedbackForm", new FeedbackForm());
        addChoices(model);
        return "feedback/form";
    }

    @PostMapping("/new")
    @PreAuthorize(FeedbackApiController.HANDLERS)
    String processCreateForm(@Valid @ModelAttribute("feedbackForm") FeedbackForm form, BindingResult result,
                             Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                FeedbackView created = feedbacks.create(form.command(), Actors.required());
                redirect.addFlashAttribute("notice", "feedback.saved");
                redirect.addFlashAttribute("noticeArg", created.id());
                redirect.addAttribute("id", created.id());
                return "redirect:/feedback/{id}";
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        addChoices(model);
        return "feedback/form";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("feedback", feedbacks.get(id, Actors.required()));
        return "feedback/detail";
    }

    @PostMapping("/{id:\\d+}/{action}")
    @PreAuthorize(FeedbackApiController.HANDLERS)
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Integer version,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String response,
               RedirectAttributes redirect) {
        Actor actor = Actors.required();
        FeedbackAction named = FeedbackAction.fromPath(action).orElseThrow(() -> new NotFoundException("Action", action));
        try {
            feedbacks.act(id, named, version, reason, response, actor);
            redirect.addFlashAttribute("notice", "feedback.done");
            redirect.addFlashAttribute("noticeArg", messages.getMessage("feedback.action." + named.path(), null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "feedback.field",
                    LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("id", id);
        return "redirect:/feedback/{id}";
    }

    private static void addChoices(Model model) {
        model.addAttribute("statuses", FeedbackStatus.values());
        model.addAttribute("channels", FeedbackChannel.values());
        model.addAttribute("categories", FeedbackCategory.values());
        model.addAttribute("sentiments", Sentiment.values());
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

    /** The new-feedback form. */
    static class FeedbackForm {
        @NotNull private FeedbackChannel channel = FeedbackChannel.PHONE;
        @NotNull private FeedbackCategory category;
        @NotNull private Sentiment sentiment;
        @Size(max = 32) private String unitCode;
        @Size(max = 13) private String customerNumber;
        @Size(max = 100) private String staffUsername;
        @Size(max = 50) private String contactName;
        @Size(max = 30) private String contactPhone;
        @NotBlank @Size(max = 4000) private String description;

        NewFeedback command() {
            return new NewFeedback(channel, category, sentiment, unitCode, customerNumber, staffUsername, contactName,
                    contactPhone, description);
        }

        public FeedbackChannel getChannel() { return channel; }
        public void setChannel(FeedbackChannel channel) { this.channel = channel; }
        public FeedbackCategory getCategory() { return category; }
        public void setCategory(FeedbackCategory category) { this.category = category; }
        public Sentiment getSentiment() { return sentiment; }
        public void setSentiment(Sentiment sentiment) { this.sentiment = sentiment; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public String getCustomerNumber() { return customerNumber; }
        public void setCustomerNumber(String customerNumber) { this.customerNumber = customerNumber; }
        public String getStaffUsername() { return staffUsername; }
        public void setStaffUsername(String staffUsername) { this.staffUsername = staffUsername; }
        public String getContactName() { return contactName; }
        public void setContactName(String contactName) { this.contactName = contactName; }
        public String getContactPhone() { return contactPhone; }
        public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }
}
