package org.gridcare.customer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk ways in and out of the archive: CSV import with a per-row report, CSV/Excel export. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "客户档案 — the customer archive; personal data masked unless unmask=true")
class CustomerTransferApiController {

    static final String IMPORTERS = "hasAnyRole('ADMIN', 'MANAGER')";
    static final String EXPORTERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";

    private final CustomerImport imports;
    private final CustomerExport exports;
    private final Customers customers;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CustomerTransferApiController(CustomerImport imports, CustomerExport exports, Customers customers,
                                  MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.imports = imports;
        this.exports = exports;
        this.customers = customers;
        this.messages = messages;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Import a UTF-8 CSV (multipart 'file'); all or nothing: any bad row → 422 with a per-row report, nothing saved")
    CustomerImport.Outcome importCsv(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "validation.customer.import.fileRequired");
        }
        return imports.importCsv(file.getInputStream(), file.getOriginalFilename(), Actors.required());
    }

    @ExceptionHandler(CustomerImport.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(CustomerImport.Rejected rejected) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected",
                messages.getMessage("error.customer.import.rejected", new Object[] {rejected.count()}, locale),
                messages, locale);
        problem.setProperty("errorCount", rejected.count());
        problem.setProperty("errors", report(rejected, messages, locale));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static List<ReportLine> report(CustomerImport.Rejected rejected, MessageSource messages, Locale locale) {
        return rejected.problems().stream().map(p -> new ReportLine(p.row(), p.field(),
                messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(), locale))).toList();
    }

    /** One line of the import report; {@code field} is null when the whole row is wrong. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReportLine(int row, String field, String message) {
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the customers matching the list filters as csv or xlsx; masked unless unmask=true (permitted roles, audited)")
    void export(@RequestParam(required = false) String format,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) CustomerKind kind,
                @RequestParam(required = false) CustomerFlag flag,
                @RequestParam(required = false) String unit,
                @RequestParam(defaultValue = "false") boolean unmask,
                HttpServletResponse response) throws IOException {
        Actor actor = Actors.required();
        CustomerExport.Format chosen = CustomerExport.Format.of(format);
        CustomerFilter filter = new CustomerFilter(q, kind, flag, customers.unitFilter(unit, actor));
        Disclosure disclosure = exports.disclosure(unmask, actor);
        String fileName = "customers-" + LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE) + "." + chosen.extension;
        response.setContentType(chosen.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        exports.write(filter, chosen, disclosure, actor, response.getOutputStream());
    }
}
