package org.gridcare.standards;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actors;
import org.gridcare.standards.StandardCommands.ActionInput;
import org.gridcare.standards.StandardCommands.DraftInput;
import org.gridcare.standards.StandardCommands.NewStandard;
import org.gridcare.standards.StandardCommands.StandardChanges;
import org.gridcare.standards.StandardCommands.VersionAction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Standards", description = "服务标准库 — service standards, their versions, review, publication and compliance")
class StandardApiController {

    static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";
    static final String SUPERVISION = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'INSPECTOR', 'TRAINER')";

    private final Standards standards;
    private final Compliance compliance;

    StandardApiController(Standards standards, Compliance compliance) {
        this.standards = standards;
        this.compliance = compliance;
    }

    @GetMapping("/api/v1/standards")
    @Operation(summary = "The library: every standard with its version in force and open revision")
    List<StandardViews.Summary> list(@RequestParam(required = false) StandardCategory category) {
        return standards.library(category);
    }

    @PostMapping("/api/v1/standards")
    @PreAuthorize(EDITORS)
    @Operation(summary = "A new standard with its first draft (owner unit: the caller's unless given)")
    ResponseEntity<StandardViews.Detail> create(@RequestBody NewStandard command) {
        StandardViews.Detail created = standards.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/standards/" + created.code())).body(created);
    }

    @GetMapping("/api/v1/standards/{code}")
    @Operation(summary = "One standard: versions, the version in force (Markdown and safe HTML), proposals, attachments, acknowledgements")
    StandardViews.Detail get(@PathVariable String code) {
        return standards.detail(code, Actors.required());
    }

    @PutMapping("/api/v1/standards/{code}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change title, category, scope (units, roles) or review interval; with version")
    StandardViews.Detail change(@PathVariable String code, @RequestBody StandardChanges changes) {
        return standards.change(code, changes, Actors.required());
    }

    @PostMapping("/api/v1/standards/{code}/versions")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Start a draft revision, copied from the version in force")
    ResponseEntity<StandardViews.VersionDetail> newRevision(@PathVariable String code,
                                                            @RequestBody(required = false) DraftInput input) {
        StandardViews.VersionDetail draft = standards.newRevision(code, input == null ? null : input.changeNote(),
                Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/standards/" + draft.code() + "/versions/" + draft.number()))
                .body(draft);
    }

    @GetMapping("/api/v1/standards/{code}/versions/{number}")
    @Operation(summary = "One version with its clauses, reviews and the moves the caller may make")
    StandardViews.VersionDetail version(@PathVariable String code, @PathVariable int number) {
        return standards.version(code, number, Actors.required());
    }

    @PutMapping("/api/v1/standards/{code}/versions/{number}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Edit a draft: body, change note and the complete clause set; with version")
    StandardViews.VersionDetail edit(@PathVariable String code, @PathVariable int number,
                                     @RequestBody DraftInput input) {
        return standards.editDraft(code, number, input, Actors.required());
    }

    @PostMapping("/api/v1/standards/{code}/versions/{number}/{action}")
    @Operation(summary = "submit, comment {comment}, approve, reject {comment}, publish {effectiveFrom}, retire; with version")
    StandardViews.VersionDetail act(@PathVariable String code, @PathVariable int number, @PathVariable String action,
                                    @RequestBody ActionInput input) {
        VersionAction named = VersionAction.fromPath(action).orElseThrow(() -> new NotFoundException("Action", action));
        return standards.act(code, number, named, input, Actors.required());
    }

    @GetMapping("/api/v1/standards/{code}/diff")
    @Operation(summary = "Side-by-side diff of two versions (body and clauses)")
    StandardViews.Diff diff(@PathVariable String code, @RequestParam int from, @RequestParam int to) {
        return standards.diff(code, from, to);
    }

    @PostMapping("/api/v1/standards/{code}/acknowledge")
    @Operation(summary = "The caller has read and acknowledges the version in force")
    StandardViews.AcknowledgementSummary acknowledge(@PathVariable String code) {
        return standards.acknowledge(code, Actors.required()).acknowledgements();
    }

    @PostMapping("/api/v1/standards/{code}/proposals")
    @Operation(summary = "Propose a change (anyone); the owners are notified")
    ResponseEntity<StandardViews.Proposal> propose(@PathVariable String code, @RequestBody ProposalInput input) {
        StandardViews.Proposal proposal = standards.propose(code, input.body(), Actors.required());
        return ResponseEntity.status(201).body(proposal);
    }

    @PostMapping("/api/v1/standards/{code}/proposals/{id}/{decision}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "adopt (into a draft) or dismiss a proposal")
    StandardViews.Proposal decide(@PathVariable String code, @PathVariable long id, @PathVariable String decision) {
        if (!decision.equals("adopt") && !decision.equals("dismiss")) {
            throw new NotFoundException("Decision", decision);
        }
        return standards.handleProposal(code, id, decision.equals("adopt"), Actors.required());
    }

    @PostMapping(value = "/api/v1/standards/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(EDITORS)
    @Operation(summary = "Attach a file (PDF, Office document or image, checked by its bytes)")
    ResponseEntity<StandardViews.Attachment> attach(@PathVariable String code,
                                                    @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "standards.validation.fileEmpty");
        }
        return ResponseEntity.status(201).body(standards.attach(code, file.getOriginalFilename(), file.getBytes(),
                Actors.required()));
    }

    @GetMapping("/api/v1/standards/{code}/attachments/{id}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id) {
        Standards.AttachmentFile file = standards.attachment(code, id)
                .orElseThrow(() -> new NotFoundException("Attachment", id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.info().contentType())).body(file.content());
    }

    @GetMapping("/api/v1/standards/tasks")
    @Operation(summary = "The caller's open read-and-acknowledge tasks and latest notices")
    Tasks tasks() {
        return new Tasks(standards.tasks(Actors.required()), standards.notices(Actors.required()));
    }

    @GetMapping("/api/v1/standards/compliance")
    @PreAuthorize(SUPERVISION + " or hasRole('DISPATCHER')")
    @Operation(summary = "Compliance of every standard in force: share of orders meeting its clock clauses and share of orders inspected against its rubric clauses without an error, weekly trend, worst units")
    Compliance.Dashboard compliance(@RequestParam(required = false) Integer weeks) {
        return compliance.dashboard(weeks, Actors.required());
    }

    @GetMapping("/api/v1/standards/{code}/evaluation")
    @PreAuthorize(SUPERVISION)
    @Operation(summary = "Periodic evaluation of a standard: compliance (SLA and inspections), inspection findings against its rubrics, acknowledgements, complaints in its units")
    Compliance.Evaluation evaluation(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return compliance.evaluation(code, from, to, Actors.required());
    }

    record ProposalInput(String body) {
    }

    record Tasks(List<StandardViews.Task> acknowledgements, List<StandardViews.Notice> notices) {
    }
}
