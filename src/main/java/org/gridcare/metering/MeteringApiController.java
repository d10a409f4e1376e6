package org.gridcare.metering;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Metering", description = "计量数据 — meter reading imports and customer consumption")
class MeteringApiController {

    static final String IMPORTERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";
    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER', 'FIELD_STAFF', 'INSPECTOR')";
    /** Who may raise a work order from an anomaly: the roles that take orders in (the workorder intake's). */
    static final String ORDER_RAISERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER')";
    private static final int MAX_REPORT_PAGE = 1000;

    private final ReadingImports imports;
    private final Consumption consumption;
    private final ConsumptionAnalyst analyst;
    private final AnomalyOrders anomalyOrders;
    private final MessageSource messages;

    MeteringApiController(ReadingImports imports, Consumption consumption, ConsumptionAnalyst analyst,
                          AnomalyOrders anomalyOrders, MessageSource messages) {
        this.imports = imports;
        this.consumption = consumption;
        this.analyst = analyst;
        this.anomalyOrders = anomalyOrders;
        this.messages = messages;
    }

    record Accepted(long id, ImportStatus status) {
    }

    @PostMapping(path = "/api/v1/meter-readings/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Upload a CSV of INTERVAL (meterNumber,start,minutes,kwh) or REGISTER "
            + "(meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw) readings; "
            + "the import runs in the background")
    ResponseEntity<Accepted> importReadings(@RequestParam(required = false) MultipartFile file,
                                            @RequestParam(required = false) String kind) {
        long id = imports.submit(file, kind, Actors.required());
        return ResponseEntity.accepted().location(URI.create("/api/v1/meter-readings/imports/" + id))
                .body(new Accepted(id, ImportStatus.QUEUED));
    }

    /** One rejected row, its message in the caller's language. */
    record ProblemRow(long line, String field, String code, String message) {
    }

    record ImportReport(long id, ReadingKind kind, String fileName, long fileSize, ImportStatus status, String phase,
                        int percent, long rowsRead, long rowsAccepted, long rowsUnchanged, long rowsRejected,
                        String failure, String failureMessage, String requestedBy, java.time.Instant createdAt,
                        java.time.Instant startedAt, java.time.Instant finishedAt, long problemsTotal,
                        List<ProblemRow> problems) {
    }

    @GetMapping("/api/v1/meter-readings/imports/{id}")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "An import's status, progress and its report of rejected rows (page/size page through the report)")
    ImportReport report(@PathVariable long id, @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size) {
        ImportView view = imports.get(id, Actors.required());
        int pageSize = size == null ? 100 : Math.max(1, Math.min(size, MAX_REPORT_PAGE));
        int offset = (page == null ? 0 : Math.max(0, page)) * pageSize;
        Locale locale = LocaleContextHolder.getLocale();
        List<ProblemRow> rows = imports.problems(id, offset, pageSize).stream()
                .map(p -> new ProblemRow(p.line(), p.field(), p.code(), message(p, locale))).toList();
        return new ImportReport(view.id(), view.kind(), view.fileName(), view.fileSize(), view.status(), view.phase(),
                view.percent(), view.rowsRead(), view.rowsAccepted(), view.rowsUnchanged(), view.rowsRejected(),
                view.failure(), view.failure() == null ? null
                        : messages.getMessage("metering.failure." + view.failure(), null, view.failure(), locale),
                view.requestedBy(), view.createdAt(), view.startedAt(), view.finishedAt(), imports.problemCount(id), rows);
    }

    @GetMapping("/api/v1/meter-readings/imports")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Recent imports, newest first")
    PageResult<ImportView> recent(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return imports.recent(PageQuery.of(page, size, null, java.util.Map.of("createdAt", "created_at")), Actors.required());
    }

    record Series(String customerNumber, Granularity granularity, LocalDate from, LocalDate to, List<SeriesPoint> series) {
    }

    @GetMapping("/api/v1/customers/{number}/consumption")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's consumption per DAY or MONTH between from and to (inclusive dates, "
            + "default the last 12 months)")
    Series consumption(@PathVariable String number,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) String granularity) {
        Granularity unit = Consumption.granularity(granularity);
        Consumption.Range range = consumption.range(from, to, unit);
        return new Series(number, unit, range.from(), range.to(),
                consumption.series(number, range.from(), range.to(), unit.name(), Actors.required()));
    }

    @GetMapping("/api/v1/customers/{number}/consumption/analysis")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's consumption analysis: daily and monthly series, month-on-month and "
            + "year-on-year change, TOU shares, load profile, peak demand, similar customers, anomalies")
    ConsumptionAnalysis analysis(@PathVariable String number,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analyst.analyse(number, from, to, Actors.required());
    }

    record AnomalyOrder(String customerNumber, String anomalyKey, String orderNumber, boolean created) {
    }

    @PostMapping("/api/v1/customers/{number}/anomalies/{key}/order")
    @PreAuthorize(ORDER_RAISERS)
    @Operation(summary = "Raise a READING_ANOMALY service application for the anomaly `key` (as the analysis of "
            + "from–to lists it, e.g. ZERO_RUN-20240525), pre-filled with the customer and the anomaly: 201 with the "
            + "new order's number, or 200 with the order raised for it before (one order per customer and anomaly)")
    ResponseEntity<AnomalyOrder> raiseOrder(@PathVariable String number, @PathVariable String key,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AnomalyOrders.Raised raised = anomalyOrders.raise(number, key, from, to, Actors.required());
        AnomalyOrder body = new AnomalyOrder(number, raised.anomalyKey(), raised.orderNumber(), raised.created());
        return raised.created()
                ? ResponseEntity.created(URI.create("/api/v1/work-orders/" + raised.orderNumber())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping("/api/v1/customers/{number}/anomalies/orders")
    @PreAuthorize(READERS)
    @Operation(summary = "The work orders raised for the customer's anomalies, by anomaly key")
    java.util.Map<String, String> anomalyOrders(@PathVariable String number) {
        return anomalyOrders.ordersOf(number, Actors.required());
    }

    String message(RowProblem problem, Locale locale) {
        return messages.getMessage("metering.problem." + problem.code(), problem.arguments().toArray(),
                problem.code(), locale);
    }
}
