package org.gridcare.plan;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.security.Actors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Service plans", description = "个性化服务方案 — savings advice, plans, their execution and evaluation")
class PlanApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'INSPECTOR')";
    static final String PLANNERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')";

    private final Advisor advisor;
    private final Plans plans;

    PlanApiController(Advisor advisor, Plans plans) {
        this.advisor = advisor;
        this.plans = plans;
    }

    @GetMapping("/api/v1/customers/{number}/advice")
    @PreAuthorize(READERS)
    @Operation(summary = "Savings options from the customer's last 12 full months, sorted by estimated annual saving, "
            + "each with its assumptions and both bills of every month from the billing engine; peakShiftShare "
            + "(0 < share ≤ 1, default gridcare.plan.peak-shift-share) for the load-shift option")
    Advice advice(@PathVariable String number, @RequestParam(required = false) BigDecimal peakShiftShare) {
        return advisor.advise(number, peakShiftShare, Actors.required());
    }

    @GetMapping("/api/v1/customers/{number}/plans")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's service plans, newest first, with their evaluation")
    List<PlanView> customerPlans(@PathVariable String number) {
        return plans.ofCustomer(number, Actors.required());
    }

    @PostMapping("/api/v1/customers/{number}/plans")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "Record a plan {orderNumber, options: [advice option keys], peakShiftShare, note} against "
            + "the customer's work order; the options must be advised by the advice computed now")
    ResponseEntity<PlanView> record(@PathVariable String number, @RequestBody(required = false) NewPlan command) {
        PlanView plan = plans.record(number, command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/api/v1/plans/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One plan with its options and its evaluation month by month")
    PlanView plan(@PathVariable long id) {
        return plans.get(id, Actors.required());
    }

    @GetMapping("/api/v1/plans")
    @PreAuthorize(READERS)
    @Operation(summary = "Recent plans in the caller's scope (at most 200), optionally of one status")
    List<PlanView> recent(@RequestParam(required = false) PlanStatus status) {
        return plans.recent(status, Actors.required());
    }

    @GetMapping("/api/v1/work-orders/{number}/plans")
    @PreAuthorize(READERS)
    @Operation(summary = "The plans recorded against a work order")
    List<PlanView> orderPlans(@PathVariable String number) {
        return plans.ofOrder(number, Actors.required());
    }

    @PostMapping("/api/v1/plans/{id}/execute")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "Carry a recorded plan out {contactName, contactPhone, version}: a tariff or basic-charge "
            + "change becomes a SERVICE_APPLICATION work order; the evaluation is scheduled")
    PlanView execute(@PathVariable long id, @RequestBody(required = false) Plans.Execution command) {
        return plans.execute(id, command, Actors.required());
    }

    record Cancel(Integer version) {
    }

    @PostMapping("/api/v1/plans/{id}/cancel")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "Cancel a plan that was recorded but not carried out {version}")
    PlanView cancel(@PathVariable long id, @RequestBody(required = false) Cancel command) {
        return plans.cancel(id, command == null ? null : command.version(), Actors.required());
    }

    @GetMapping("/api/v1/plans/savings")
    @PreAuthorize(READERS)
    @Operation(summary = "Realised savings per unit of the caller's scope: plans carried out from–to (days, default "
            + "the last year), how many were evaluated, their estimate and realised saving")
    List<Plans.UnitSavings> savings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return plans.savingsByUnit(from, to, Actors.required());
    }
}
