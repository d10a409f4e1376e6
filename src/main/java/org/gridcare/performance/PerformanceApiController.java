package org.gridcare.performance;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.complaint.StaffComplaint;
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
@Tag(name = "Performance", description = """
        绩效考核 — monthly scorecards per staff member and team. Each component's figure becomes 0–100 points against
        the target of the scheme of the staff member's position in force that month: RATIO min(100, 100 × value ÷
        target) for volume, on-time rate, satisfaction, quality score and training completion; INVERSE_RATIO (error
        rate) 100 when value ≤ target, else max(0, 100 × (2 × target − value) ÷ target); LINEAR_DOWN (substantiated
        complaints) max(0, 100 − step × max(0, value − target)); LINEAR_UP (rewards-and-penalties points)
        max(0, min(100, 100 − step × (target − value))); each rounded half-up to 0.01. Base score = Σ(weight × points)
        ÷ Σ weight over the components with data (NO_DATA components drop out with their weight); total = base +
        approved adjustments, capped to 0–100; grade A/B/C/D by the scheme's bands.""")
class PerformanceApiController {

    static final String MANAGERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final Scorecards scorecards;
    private final Schemes schemes;
    private final PerformanceExcel excel;

    PerformanceApiController(Scorecards scorecards, Schemes schemes, PerformanceExcel excel) {
        this.scorecards = scorecards;
        this.schemes = schemes;
        this.excel = excel;
    }

    @GetMapping("/api/v1/performance/scorecards")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The ranking of a month (yyyy-MM, default current): the cards the caller sees, by total; "
            + "filters unit (subtree), position, team")
    List<Scorecard> ranking(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
                            @RequestParam(required = false) String position,
                            @RequestParam(required = false) String team) {
        return scorecards.ranking(month, unit, position, team, Actors.required());
    }

    @GetMapping("/api/v1/performance/scorecards/mine")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A staff member's card of a month (default: the caller's own); with components and links "
            + "to the records behind each")
    Scorecard card(@RequestParam(required = false) String month, @RequestParam(required = false) String staff) {
        return scorecards.card(month, staff, Actors.required());
    }

    @GetMapping("/api/v1/performance/scorecards/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One card with its components, drill-down links and adjustments")
    Scorecard card(@PathVariable long id) {
        return scorecards.card(id, Actors.required());
    }

    @GetMapping("/api/v1/performance/scorecards/{id}/complaints")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The substantiated complaints behind a card's COMPLAINTS component (countedAfterAppeal = counted)")
    List<StaffComplaint> complaints(@PathVariable long id) {
        return scorecards.complaintsOf(id, Actors.required());
    }

    @GetMapping("/api/v1/performance/trend")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A staff member's cards over the last `months` (1–36, default 12) up to `month`, oldest first")
    List<Scorecard> trend(@RequestParam(required = false) String staff, @RequestParam(required = false) String month,
                          @RequestParam(required = false) Integer months) {
        return scorecards.trend(staff, month, months, Actors.required());
    }

    @GetMapping("/api/v1/performance/teams")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Team cards of a month: mean total of the members' cards the caller sees, by team")
    List<TeamCard> teams(@RequestParam(required = false) String month, @RequestParam(required = false) String unit) {
        return scorecards.teams(month, unit, Actors.required());
    }

    @GetMapping("/api/v1/performance/recognition")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The month's star staff member and star team within the caller's view")
    Recognition recognition(@RequestParam(required = false) String month) {
        return scorecards.recognition(month, Actors.required());
    }

    @PostMapping("/api/v1/performance/months/{month}/compute")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Compute an open month's cards now (a closed month answers 409)")
    Map<String, Object> compute(@PathVariable String month) {
        var m = scorecards.month(month);
        return Map.of("month", m.toString(), "cards", scorecards.computeNow(m, Actors.required()));
    }

    @PostMapping("/api/v1/performance/scorecards/{id}/adjustments")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Propose an adjustment (points ±0.01–20 with a reason); another manager reviews it")
    ResponseEntity<Scorecard.Adjustment> propose(@PathVariable long id, @RequestBody AdjustmentBody body) {
        Scorecard.Adjustment a = scorecards.propose(id, body.points(), body.reason(), Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/performance/scorecards/" + id)).body(a);
    }

    @GetMapping("/api/v1/performance/adjustments")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "The proposed adjustments of the cards in the caller's scope")
    List<Scorecard.Adjustment> pending() {
        return scorecards.pendingAdjustments(Actors.required());
    }

    @PostMapping("/api/v1/performance/adjustments/{id}/approve")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Approve an adjustment (with its version): never the proposer's own; the card's total changes")
    Scorecard.Adjustment approve(@PathVariable long id, @RequestBody ReviewBody body) {
        return scorecards.review(id, true, body.version(), body.note(), Actors.required());
    }

    @PostMapping("/api/v1/performance/adjustments/{id}/reject")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Reject an adjustment (with its version and a note)")
    Scorecard.Adjustment reject(@PathVariable long id, @RequestBody ReviewBody body) {
        return scorecards.review(id, false, body.version(), body.note(), Actors.required());
    }

    @GetMapping("/api/v1/performance/schemes")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The schemes (weights, targets, steps, grade bands per position and effective month); "
            + "inForce=yyyy-MM gives those in force that month")
    List<Scheme> schemes(@RequestParam(required = false) String inForce) {
        return inForce == null ? schemes.all() : schemes.inForce(inForce);
    }

    @PostMapping("/api/v1/performance/schemes")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Put a scheme in force for a position from a month after the current one (default: next "
            + "month); every component once, weights summing to 100, bands 100 ≥ A > B > C ≥ 0")
    ResponseEntity<Scheme> saveScheme(@RequestBody NewScheme body) {
        Scheme saved = schemes.save(body, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/performance/schemes")).body(saved);
    }

    @GetMapping("/api/v1/performance/export")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The ranking of a month as an Excel workbook (same filters as the ranking)")
    void export(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String position, @RequestParam(required = false) String team,
                HttpServletResponse response) throws IOException {
        excel.write(scorecards.ranking(month, unit, position, team, Actors.required()),
                scorecards.month(month).toString(), response);
    }

    /** The body of a proposed adjustment. */
    record AdjustmentBody(BigDecimal points, String reason) {
    }

    /** The body of a review. */
    record ReviewBody(Integer version, String note) {
    }
}
