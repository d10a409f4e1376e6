package org.gridcare.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit", description = "审计日志 — who changed what, when, from where")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditEvents events;

    AuditApiController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "The audit trail, newest first by default")
    PageResult<AuditEvent> list(@RequestParam(required = false) String actor,
                                @RequestParam(required = false) String action,
                                @RequestParam(required = false) String entityType,
                                @RequestParam(required = false) String entityId,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) String text,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        return events.find(new AuditQuery(actor, action, entityType, entityId, from, to, text),
                PageQuery.of(page, size, sort == null ? "occurredAt,desc" : sort, AuditEvents.SORTS));
    }
}
