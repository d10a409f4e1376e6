package org.gridcare.workorder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Work orders", description = "工单 — intake, lifecycle, queues and attachments")
class WorkOrderApiController {

    static final String INTAKE_ROLES = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER')";

    private final WorkOrders orders;

    WorkOrderApiController(WorkOrders orders) {
        this.orders = orders;
    }

    @PostMapping("/api/v1/work-orders")
    @PreAuthorize(INTAKE_ROLES)
    @Operation(summary = "Accept a new order; an Idempotency-Key header makes retries return the same order")
    ResponseEntity<WorkOrderView> create(@Valid @RequestBody NewWorkOrder command,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        WorkOrders.Created result = orders.create(command, key, Actors.required());
        if (!result.created()) {
            return ResponseEntity.ok(result.order());
        }
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + result.order().number()))
                .body(result.order());
    }

    @GetMapping("/api/v1/work-orders")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Orders within the caller's data scope, filtered and paginated (without clocks)")
    PageResult<WorkOrderView> list(@RequestParam(required = false) Set<WorkOrderStatus> status,
                                   @RequestParam(required = false) WorkOrderType type,
                                   @RequestParam(required = false) Channel channel,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) String handler,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) Boolean warning,
                                   @RequestParam(required = false) String customer,
                                   @RequestParam(required = false) Instant createdFrom,
                                   @RequestParam(required = false) Instant createdTo,
                                   @RequestParam(required = false) String text,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort) {
        return orders.find(status, type, channel, unit, handler, overdue, warning, customer, createdFrom, createdTo,
                text, PageQuery.of(page, size, sort == null ? "createdAt,desc" : sort, WorkOrders.SORTS),
                Actors.required());
    }

    @GetMapping("/api/v1/work-orders/{number}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One order with its clocks, timeline, attachments and the actions the caller may take")
    WorkOrderView get(@PathVariable String number) {
        return orders.get(number, Actors.required());
    }

    @PostMapping("/api/v1/work-orders/{number}/{action}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "dispatch, accept, arrive, restore, reply, review, visit, close, return, transfer, suspend, "
            + "resume, cancel, reopen, urge, supervise or merge; the body carries version and the action's fields")
    WorkOrderView act(@PathVariable String number, @PathVariable String action,
                      @Valid @RequestBody ActionRequest request) {
        Action named = Action.fromPath(action).orElseThrow(() -> new NotFoundException("Action", action));
        return orders.act(number, named, request, Actors.required());
    }

    @PostMapping(path = "/api/v1/work-orders/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Attach a photo or PDF (checked by its bytes, size-limited)")
    ResponseEntity<AttachmentInfo> attach(@PathVariable String number, @RequestPart("file") MultipartFile file)
            throws IOException {
        AttachmentInfo info = orders.attach(number, file.getOriginalFilename(), file.getBytes(), Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + number + "/attachments/" + info.id()))
                .body(info);
    }

    @GetMapping("/api/v1/work-orders/{number}/attachments/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
        WorkOrders.Attachment attachment = orders.attachment(number, id, Actors.required());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    @GetMapping("/api/v1/work-order-queues")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "How many open orders wait in the caller's queues")
    QueueCounts queues() {
        return orders.counts(Actors.required());
    }

    @GetMapping("/api/v1/work-order-policies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The lifecycle table: which action, on which types, from which states, by which roles")
    List<TransitionPolicy> policies() {
        return Lifecycle.allCurrentPolicies();
    }

    @GetMapping("/api/v1/work-order-categories")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The business category tree (业务分类)")
    List<Category> categories() {
        return orders.categories();
    }

    @PostMapping("/api/v1/work-order-categories")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a category under an existing one of the same type")
    ResponseEntity<Category> addCategory(@Valid @RequestBody NewCategory command) {
        Category created = orders.addCategory(new Category(command.code().trim(), WorkOrder.blankToNull(
                command.parentCode()), command.type(), command.name().trim(), command.nameEn().trim(),
                command.sortOrder() == null ? 0 : command.sortOrder(), true), Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/work-order-categories/" + created.code())).body(created);
    }

    @PutMapping("/api/v1/work-order-categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename, re-sort or move a category under another of the same type (code and type stay)")
    Category changeCategory(@PathVariable String code, @Valid @RequestBody CategoryChange change) {
        return orders.changeCategory(code, change, Actors.required());
    }

    /** A new category as the API and the console take it. */
    record NewCategory(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(
            regexp = "[A-Z0-9_.]{2,64}") String code, String parentCode,
                       @jakarta.validation.constraints.NotNull WorkOrderType type,
                       @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String name,
                       @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String nameEn,
                       Integer sortOrder) {
    }
}
