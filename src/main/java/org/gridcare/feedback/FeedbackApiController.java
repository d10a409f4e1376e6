package org.gridcare.feedback;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.NotFoundException;
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
@Tag(name = "Feedback", description = "服务反馈 — feedback not tied to an order, with its lifecycle and response deadline")
class FeedbackApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'INSPECTOR')";
    static final String HANDLERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')";

    private final Feedbacks feedbacks;

    FeedbackApiController(Feedbacks feedbacks) {
        this.feedbacks = feedbacks;
    }

    @PostMapping("/api/v1/feedback")
    @PreAuthorize(HANDLERS)
    @Operation(summary = "Record a feedback; its response is due after gridcare.feedback.response-working-days")
    ResponseEntity<FeedbackView> create(@Valid @RequestBody NewFeedback command) {
        FeedbackView created = feedbacks.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/feedback")
    @PreAuthorize(READERS)
    @Operation(summary = "Feedback within the caller's scope, filtered and paginated")
    PageResult<FeedbackView> list(@RequestParam(required = false) FeedbackStatus status,
                                  @RequestParam(required = false) FeedbackChannel channel,
                                  @RequestParam(required = false) FeedbackCategory category,
                                  @RequestParam(required = false) Sentiment sentiment,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) Boolean overdue,
                                  @RequestParam(required = false) Instant createdFrom,
                                  @RequestParam(required = false) Instant createdTo,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return feedbacks.find(status, channel, category, sentiment, unit, overdue, createdFrom, createdTo,
                PageQuery.of(page, size, sort == null ? "createdAt,desc" : sort, Feedbacks.SORTS), Actors.required());
    }

    @GetMapping("/api/v1/feedback/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One feedback with its history and the moves possible now")
    FeedbackView get(@PathVariable long id) {
        return feedbacks.get(id, Actors.required());
    }

    @PostMapping("/api/v1/feedback/{id}/{action}")
    @PreAuthorize(HANDLERS)
    @Operation(summary = "start, respond {response}, close {reason unless responded}, reopen {reason}; with version")
    FeedbackView act(@PathVariable long id, @PathVariable String action, @Valid @RequestBody Transition body) {
        FeedbackAction named = FeedbackAction.fromPath(action).orElseThrow(() -> new NotFoundException("Action", action));
        return feedbacks.act(id, named, body.version(), body.reason(), body.response(), Actors.required());
    }

    /** The body of a move. */
    record Transition(Integer version, @Size(max = 2000) String reason, @Size(max = 4000) String response) {
    }
}
