package org.gridcare.complaint;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
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
@Tag(name = "Complaints", description = "投诉管理 — complaint cases: grade and clocks, investigation, responsibility, "
        + "appeal, rectification, hotspots")
class ComplaintApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'INSPECTOR')";
    static final String REVIEWERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";

    private final Complaints complaints;

    ComplaintApiController(Complaints complaints) {
        this.complaints = complaints;
    }

    @GetMapping("/api/v1/complaints")
    @PreAuthorize(READERS)
    @Operation(summary = "Complaint cases within the caller's scope (their unit or responsible unit), filtered and paginated",
            description = "category selects a complaint category and its sub-categories; unit a unit code's subtree; "
                    + "overdue=true: a running clock past due or an open rectification action past its due day")
    PageResult<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                                   @RequestParam(required = false) ComplaintGrade grade,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(required = false) ComplaintSource source,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) Responsibility responsibility,
                                   @RequestParam(required = false) AppealStatus appeal,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) Instant receivedFrom,
                                   @RequestParam(required = false) Instant receivedTo,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort) {
        return complaints.find(status, grade, category, source, unit, responsibility, appeal, overdue, receivedFrom,
                receivedTo, PageQuery.of(page, size, sort == null ? "receivedAt,desc" : sort, Complaints.SORTS),
                Actors.required());
    }

    @GetMapping("/api/v1/complaints/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One case with its clocks, rectification actions, evidence, history and the moves possible now")
    ComplaintView get(@PathVariable long id) {
        return complaints.get(id, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/grade")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')")
    @Operation(summary = "Grade the case (ORDINARY, IMPORTANT, MAJOR with injury/media/specialEvent); its clocks "
            + "follow the grade's rule; MAJOR notifies the unit's managers at once")
    ComplaintView grade(@PathVariable long id, @Valid @RequestBody ComplaintCommands.Grade body) {
        return complaints.grade(id, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/investigate")
    @PreAuthorize(READERS)
    @Operation(summary = "Submit the findings: root cause, responsibility (SUBSTANTIATED needs the responsible unit, "
            + "optionally staff of it), optionally a corrected category; the case waits for review")
    ComplaintView investigate(@PathVariable long id, @Valid @RequestBody ComplaintCommands.Investigate body) {
        return complaints.investigate(id, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/approve")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Review the findings (a supervisor or manager other than the investigator): approve=true "
            + "determines the responsibility, approve=false sends them back with a comment")
    ComplaintView approve(@PathVariable long id, @Valid @RequestBody ComplaintCommands.Review body) {
        return complaints.review(id, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/appeal")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Appeal (申诉/核减) a substantiated case: the responsible unit, with a reason and at least one "
            + "APPEAL evidence attachment uploaded before")
    ComplaintView appeal(@PathVariable long id, @Valid @RequestBody ComplaintCommands.Appeal body) {
        return complaints.appeal(id, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/decide-appeal")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Decide an appeal one level above the responsible unit: accept=true removes the case from "
            + "the count after appeals (COMPLAINTS_AFTER_APPEAL_PER_10K), accept=false (with a comment) keeps it")
    ComplaintView decideAppeal(@PathVariable long id, @Valid @RequestBody ComplaintCommands.AppealDecision body) {
        return complaints.decideAppeal(id, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/actions")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Add a rectification action (整改措施) with its owner and due date; the body carries the case version")
    ResponseEntity<ComplaintView> addAction(@PathVariable long id,
                                            @Valid @RequestBody ComplaintCommands.NewAction body) {
        ComplaintView view = complaints.addAction(id, body, Actors.required());
        return ResponseEntity.status(201).body(view);
    }

    @PostMapping("/api/v1/complaints/{id}/actions/{actionId}/complete")
    @PreAuthorize(READERS)
    @Operation(summary = "The owner (or a supervisor) reports the action done, with a note; the body carries the action version")
    ComplaintView completeAction(@PathVariable long id, @PathVariable long actionId,
                                 @Valid @RequestBody ComplaintCommands.ActionStep body) {
        return complaints.completeAction(id, actionId, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/actions/{actionId}/verify")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Verify a done action (not its owner): passed=true verifies it, passed=false (with a note) reopens it")
    ComplaintView verifyAction(@PathVariable long id, @PathVariable long actionId,
                               @Valid @RequestBody ComplaintCommands.ActionStep body) {
        return complaints.verifyAction(id, actionId, body, Actors.required());
    }

    @PostMapping("/api/v1/complaints/{id}/close")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Close a determined case: every rectification action verified, at least one when the "
            + "complaint still counts as substantiated, no appeal pending")
    ComplaintView close(@PathVariable long id, @Valid @RequestBody ComplaintCommands.Close body) {
        return complaints.close(id, body, Actors.required());
    }

    @PostMapping(path = "/api/v1/complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(READERS)
    @Operation(summary = "Add evidence (purpose INVESTIGATION, APPEAL or RECTIFICATION): a photo or PDF, checked by its bytes, size-limited")
    ResponseEntity<ComplaintView.Evidence> attach(@PathVariable long id, @RequestParam EvidencePurpose purpose,
                                                  @RequestPart("file") MultipartFile file) throws IOException {
        ComplaintView.Evidence evidence = complaints.attach(id, purpose, file.getOriginalFilename(), file.getBytes(),
                Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + id + "/attachments/" + evidence.id()))
                .body(evidence);
    }

    @GetMapping("/api/v1/complaints/{id}/attachments/{fileId}")
    @PreAuthorize(READERS)
    @Operation(summary = "Download an evidence file")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        ComplaintRepository.File file = complaints.attachment(id, fileId, Actors.required());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping("/api/v1/complaints/hotspots")
    @PreAuthorize(READERS)
    @Operation(summary = "Hotspots: complaints received, substantiated and after appeals per child unit × category "
            + "(from–to inclusive, Asia/Shanghai; default: the last six months) and the monthly trend")
    Hotspots hotspots(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      @RequestParam(required = false) String unit) {
        return complaints.hotspots(from, to, unit, Actors.required());
    }

    @GetMapping("/api/v1/complaints/notices")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Notices for the caller: MAJOR complaints (managers), clock warnings and breaches")
    List<ComplaintNotice> notices(@RequestParam(required = false) Integer limit) {
        return complaints.notices(Actors.required(), limit == null ? 50 : limit);
    }

    @GetMapping("/api/v1/complaint-grade-rules")
    @PreAuthorize(READERS)
    @Operation(summary = "The clocks of each grade (working days to investigation and closure, warning share)")
    List<GradeRule> gradeRules() {
        return complaints.gradeRules();
    }

    @PutMapping("/api/v1/complaint-grade-rules/{grade}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a grade's clocks (applies to cases graded or opened afterwards)")
    GradeRule changeGradeRule(@PathVariable ComplaintGrade grade, @RequestBody GradeRule body) {
        return complaints.changeGradeRule(new GradeRule(grade, body.investigationWorkingDays(),
                body.closureWorkingDays(), body.warnPercent(), body.notifyLeadership(), body.note()), Actors.required());
    }

    @GetMapping("/api/v1/complaint-root-causes")
    @PreAuthorize(READERS)
    @Operation(summary = "The root causes an investigation chooses from")
    List<RootCause> rootCauses() {
        return complaints.rootCauses();
    }
}
