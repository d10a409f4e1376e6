package org.gridcare.quality;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.security.Actors;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Quality rubrics", description = "质检标准 — versioned, weighted checklists per order type")
class RubricApiController {

    static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final Rubrics rubrics;

    RubricApiController(Rubrics rubrics) {
        this.rubrics = rubrics;
    }

    @GetMapping("/api/v1/quality/rubrics")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every rubric version with its items, optionally of one order type")
    List<RubricVersion> list(@RequestParam(required = false) WorkOrderType orderType) {
        return rubrics.list(orderType);
    }

    @GetMapping("/api/v1/quality/rubrics/in-force")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The version of an order type in force at a moment (now when absent)")
    RubricVersion inForce(@RequestParam WorkOrderType orderType, @RequestParam(required = false) Instant at) {
        return rubrics.inForce(orderType, at)
                .orElseThrow(() -> new org.gridcare.shared.NotFoundException(Rubrics.ENTITY, orderType));
    }

    @GetMapping("/api/v1/quality/rubrics/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One rubric version with its items")
    RubricVersion get(@PathVariable long id) {
        return rubrics.get(id);
    }

    @PostMapping("/api/v1/quality/rubrics")
    @PreAuthorize(EDITORS)
    @Operation(summary = "A new draft version of an order type's rubric")
    ResponseEntity<RubricVersion> create(@Valid @RequestBody NewRubricVersion command) {
        RubricVersion created = rubrics.createDraft(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/quality/rubrics/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/quality/rubrics/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Replace a draft's title, note and items (with the version the caller saw, ?version=)")
    RubricVersion change(@PathVariable long id, @RequestParam(required = false) Integer version,
                         @Valid @RequestBody NewRubricVersion command) {
        return rubrics.changeDraft(id, command, version, Actors.required());
    }

    @PostMapping("/api/v1/quality/rubrics/{id}/publish")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Publish a draft from effectiveFrom (now when absent, never in the past); it supersedes the type's current version from then on")
    RubricVersion publish(@PathVariable long id, @Valid @RequestBody Publication body) {
        return rubrics.publishDraft(id, body.effectiveFrom(), body.version(), Actors.required());
    }

    @DeleteMapping("/api/v1/quality/rubrics/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Delete a draft (with ?version=)")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        rubrics.deleteDraft(id, version, Actors.required());
        return ResponseEntity.noContent().build();
    }

    /** The body of a publication. */
    record Publication(Integer version, Instant effectiveFrom, @Size(max = 200) String note) {
    }
}
