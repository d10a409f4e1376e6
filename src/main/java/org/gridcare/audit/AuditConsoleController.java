package org.gridcare.audit;

import java.time.Instant;
import java.time.LocalDate;

import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The audit trail in the console, for administrators; days are calendar days in business time. */
@ConsoleController
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditConsoleController {

    static final int PAGE_SIZE = 50;

    private final AuditEvents events;

    AuditConsoleController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping
    String list(@ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model) {
        boolean inverted = filter.getFrom() != null && filter.getTo() != null
                && filter.getTo().isBefore(filter.getFrom());
        if (inverted) {
            binding.rejectValue("to", "validation.audit.dateRange");
        }
        int page = filter.getPage() == null || filter.getPage() < 0 ? 0 : filter.getPage();
        model.addAttribute("result", events.find(filter.toQuery(inverted),
                PageQuery.of(page, PAGE_SIZE, "occurredAt,desc", AuditEvents.SORTS)));
        return "audit/list";
    }

    /** The filters of the audit list; a value that does not parse becomes a field error, not an error page. */
    static class AuditFilter {

        private String actor;
        private String action;
        private String entityType;
        private String entityId;
        private String text;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;
        private Integer page;

        /** From the start of {@code from} to the end of {@code to}, both in business time. */
        AuditQuery toQuery(boolean ignoreTo) {
            Instant start = from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant();
            Instant end = to == null || ignoreTo ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
            return new AuditQuery(actor, action, entityType, entityId, start, end, text);
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public String getEntityType() {
            return entityType;
        }

        public void setEntityType(String entityType) {
            this.entityType = entityType;
        }

        public String getEntityId() {
            return entityId;
        }

        public void setEntityId(String entityId) {
            this.entityId = entityId;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }

        public Integer getPage() {
            return page;
        }

        public void setPage(Integer page) {
            this.page = page;
        }
    }
}
