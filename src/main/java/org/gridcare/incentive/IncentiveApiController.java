package org.gridcare.incentive;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rewards and penalties", description = "奖惩 — records linked to their cause, manager approval, per-staff ledger")
class IncentiveApiController {

    static final String ENTERERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";
    static final String APPROVERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final Incentives incentives;

    IncentiveApiController(Incentives incentives) {
        this.incentives = incentives;
    }

    @GetMapping("/api/v1/incentives/rules")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The rule per cause type: points, amount (元, negative = penalty), automatic proposal")
    List<IncentiveRule> rules() {
        return incentives.rules();
    }

    @PutMapping("/api/v1/incentives/rules/{causeType}")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "Change a rule (with its version); records already made keep their figures")
    IncentiveRule changeRule(@PathVariable CauseType causeType, @Valid @RequestBody RuleBody body) {
        return incentives.changeRule(causeType, body.points(), body.amount(), body.autoPropose(), body.version(),
                Actors.required());
    }

    @GetMapping("/api/v1/incentives/records")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Records: managers and supervisors see their scope, everyone else only their own")
    PageResult<IncentiveRecord> list(@RequestParam(required = false) IncentiveStatus status,
                                     @RequestParam(required = false) CauseType causeType,
                                     @RequestParam(required = false) String staff,
                                     @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort) {
        return incentives.find(status, causeType, staff, from, to,
                PageQuery.of(page, size, sort == null ? "proposedAt,desc" : sort, Incentives.SORTS), Actors.required());
    }

    @GetMapping("/api/v1/incentives/records/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One record")
    IncentiveRecord get(@PathVariable long id) {
        return incentives.get(id, Actors.required());
    }

    @PostMapping("/api/v1/incentives/records")
    @PreAuthorize(ENTERERS)
    @Operation(summary = "Enter a record by hand (training result, substantiated complaint, other); a manager approves it")
    ResponseEntity<IncentiveRecord> create(@RequestBody NewIncentive command) {
        IncentiveRecord created = incentives.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/incentives/records/" + created.id())).body(created);
    }

    @PostMapping("/api/v1/incentives/records/{id}/approve")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "Approve a proposal (with its version); it enters the ledger")
    IncentiveRecord approve(@PathVariable long id, @Valid @RequestBody Decision body) {
        return incentives.decide(id, true, body.version(), body.note(), Actors.required());
    }

    @PostMapping("/api/v1/incentives/records/{id}/reject")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "Reject a proposal (with its version and a note)")
    IncentiveRecord reject(@PathVariable long id, @Valid @RequestBody Decision body) {
        return incentives.decide(id, false, body.version(), body.note(), Actors.required());
    }

    @GetMapping("/api/v1/incentives/ledger")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A staff member's ledger (default: the caller's own) for a period of Asia/Shanghai days")
    Ledger ledger(@RequestParam(required = false) String staff, @RequestParam LocalDate from,
                  @RequestParam LocalDate to) {
        return incentives.ledger(staff, from, to, Actors.required());
    }

    /** The body of a rule change. */
    record RuleBody(Integer version, Integer points, BigDecimal amount, Boolean autoPropose) {
    }

    /** The body of a decision. */
    record Decision(Integer version, @Size(max = 2000) String note) {
    }
}
