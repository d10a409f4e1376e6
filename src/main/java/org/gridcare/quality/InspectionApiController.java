package org.gridcare.quality;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Quality inspection", description = "质检 — monthly plans, scoring, appeals and spot checks")
class InspectionApiController {

    static final String PLANNERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";
    static final String QUALITY = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'INSPECTOR')";

    private final Inspections inspections;
    private final InspectionPlans plans;
    private final java.time.Clock clock;

    InspectionApiController(Inspections inspections, InspectionPlans plans, java.time.Clock clock) {
        this.inspections = inspections;
        this.plans = plans;
        this.clock = clock;
    }

    // ---- plans

    @PostMapping("/api/v1/quality/plans")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "Draw a month's sample for a unit's subtree and assign the inspections (one plan per month and unit)")
    ResponseEntity<PlanView> createPlan(@RequestBody NewPlan command) {
        PlanView created = plans.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/quality/plans/" + created.id())).body(created);
    }

    @PostMapping("/api/v1/quality/plans/preview")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "What a plan would draw and assign (same seed, same sample), writing nothing")
    PlanView preview(@RequestBody NewPlan command) {
        return plans.preview(command, Actors.required());
    }

    @GetMapping("/api/v1/quality/plans")
    @PreAuthorize(QUALITY)
    @Operation(summary = "The plans of the caller's scope, newest month first")
    List<PlanView> plans() {
        return plans.list(Actors.required());
    }

    @GetMapping("/api/v1/quality/plans/{id}")
    @PreAuthorize(QUALITY)
    @Operation(summary = "One plan")
    PlanView plan(@PathVariable long id) {
        return plans.get(id, Actors.required());
    }

    // ---- inspections

    @GetMapping("/api/v1/quality/inspections")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Inspections: quality roles see their scope, everyone else only inspections of their own work")
    PageResult<InspectionView> list(@RequestParam(required = false) InspectionStatus status,
                                    @RequestParam(required = false) InspectionKind kind,
                                    @RequestParam(required = false) Boolean spotChecks,
                                    @RequestParam(required = false) String inspector,
                                    @RequestParam(required = false) String staff,
                                    @RequestParam(required = false) Long plan,
                                    @RequestParam(required = false) String unit,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        return inspections.find(new Inspections.Query(status, kind, spotChecks, inspector, staff, plan, unit, from, to),
                PageQuery.of(page, size, sort == null ? "createdAt,desc" : sort, Inspections.SORTS),
                Actors.required());
    }

    @GetMapping("/api/v1/quality/inspections/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One inspection with its findings and what the caller may do now")
    InspectionView get(@PathVariable long id) {
        return inspections.get(id, Actors.required());
    }

    @PostMapping("/api/v1/quality/inspections/{id}/score")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "Score a pending inspection: a verdict (PASS, FAIL with a comment, NOT_APPLICABLE) for every rubric item")
    InspectionView score(@PathVariable long id, @Valid @RequestBody ScoreBody body) {
        return inspections.score(id, body.version(), body.findings(), body.comment(), Actors.required());
    }

    @PostMapping("/api/v1/quality/inspections/{id}/appeal")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The staff member appeals failed items, once, before the appeal deadline")
    InspectionView appeal(@PathVariable long id, @Valid @RequestBody AppealBody body) {
        return inspections.appeal(id, body.version(), body.reason(), body.items(), Actors.required());
    }

    @PostMapping("/api/v1/quality/inspections/{id}/decide")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "A supervisor decides every appealed item: UPHELD or OVERTURNED; the score and the error are recomputed")
    InspectionView decide(@PathVariable long id, @Valid @RequestBody DecisionBody body) {
        return inspections.decide(id, body.version(), body.outcomes(), body.note(), Actors.required());
    }

    @PostMapping("/api/v1/quality/inspections/{id}/assign")
    @PreAuthorize(PLANNERS)
    @Operation(summary = "(Re)assign a pending inspection to an inspector who may inspect it")
    InspectionView assign(@PathVariable long id, @Valid @RequestBody AssignBody body) {
        return inspections.assign(id, body.version(), body.inspector(), Actors.required());
    }

    // ---- spot checks

    @PostMapping("/api/v1/quality/spot-checks")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "Record a spot check outside orders (MYSTERY_VISIT, CALL_RECORDING), scored like an inspection")
    ResponseEntity<InspectionView> spotCheck(@RequestBody Inspections.NewSpotCheck command) {
        InspectionView created = inspections.createSpotCheck(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/quality/inspections/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/quality/spot-checks/summary")
    @PreAuthorize(QUALITY)
    @Operation(summary = "Spot checks scored in a period (Asia/Shanghai days, default this month) per kind — apart from the order error rate")
    List<InspectionRepository.SpotSummary> spotSummary(@RequestParam(required = false) LocalDate from,
                                                       @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw InvalidInputException.of("to", "validation.quality.toBeforeFrom");
        }
        return inspections.spotSummary(start.atStartOfDay(BusinessTime.ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(), Actors.required());
    }

    /** The body of a scoring. */
    record ScoreBody(Integer version, List<Inspections.FindingInput> findings, @Size(max = 4000) String comment) {
    }

    /** The body of an appeal: the reason and the codes of the failed items appealed. */
    record AppealBody(Integer version, @Size(max = 2000) String reason, List<String> items) {
    }

    /** The body of a decision: an outcome per appealed item code. */
    record DecisionBody(Integer version, Map<String, AppealOutcome> outcomes, @Size(max = 2000) String note) {
    }

    /** The body of an assignment. */
    record AssignBody(Integer version, String inspector) {
    }
}
