package org.gridcare.workorder;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Return visits", description = "回访 — the queue, the attempts of an order and the per-type settings")
class ReturnVisitApiController {

    static final String VISIT_ROLES = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')";

    private final ReturnVisits visits;

    ReturnVisitApiController(ReturnVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/api/v1/return-visits")
    @PreAuthorize(VISIT_ROLES)
    @Operation(summary = "Orders in the caller's scope waiting for a return visit, overdue first, then by due time")
    PageResult<AwaitingVisit> queue(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, java.util.Map.of("dueAt", "due_at"));
        return visits.queue(query.page(), query.size(), Actors.required());
    }

    @GetMapping("/api/v1/work-orders/{number}/visits")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The return-visit attempts of one order, in order")
    List<VisitAttempt> attempts(@PathVariable String number) {
        return visits.attempts(number, Actors.required());
    }

    @GetMapping("/api/v1/return-visit-settings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The return-visit rule of each order type")
    List<ReturnVisitSetting> settings() {
        return visits.settings();
    }

    @PatchMapping("/api/v1/return-visit-settings/{type}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change the rule of one type: {visitNeeded, maxAttempts, dissatisfiedAction, version}")
    ReturnVisitSetting change(@PathVariable WorkOrderType type, @RequestBody ReturnVisitSetting.Change change) {
        return visits.change(type, change, Actors.required());
    }
}
