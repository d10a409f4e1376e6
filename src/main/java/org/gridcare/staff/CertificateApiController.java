package org.gridcare.staff;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Staff qualifications", description = "证书与排班 — certificates with scans and reminders, on-duty shifts, "
        + "dispatch suggestions")
class CertificateApiController {

    static final String DISPATCHERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'DISPATCHER')";

    private final Certificates certificates;
    private final Shifts shifts;
    private final DispatchSuggestions suggestions;

    CertificateApiController(Certificates certificates, Shifts shifts, DispatchSuggestions suggestions) {
        this.certificates = certificates;
        this.shifts = shifts;
        this.suggestions = suggestions;
    }

    @GetMapping("/api/v1/staff/certificate-kinds")
    @Operation(summary = "The configured kinds of certificate: the work each covers and the positions that must hold it")
    List<CertificateKind> kinds() {
        return certificates.kinds();
    }

    @GetMapping("/api/v1/staff/{userId}/certificates")
    @Operation(summary = "A person's certificates (the owner, their team leader, managers in scope)")
    List<Certificate> list(@PathVariable long userId) {
        return certificates.of(userId, Actors.required());
    }

    @PostMapping("/api/v1/staff/{userId}/certificates")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Record a certificate {kindCode, number, issuer, issuedOn, expiresOn}")
    ResponseEntity<Certificate> add(@PathVariable long userId, @Valid @RequestBody NewCertificate command) {
        Certificate created = certificates.add(userId, command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/staff/" + userId + "/certificates/" + created.id()))
                .body(created);
    }

    @PatchMapping("/api/v1/staff/{userId}/certificates/{id}")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Change or renew a certificate (a later expiresOn is a renewal); with version")
    Certificate change(@PathVariable long userId, @PathVariable long id,
                       @Valid @RequestBody CertificateChanges changes) {
        return certificates.change(userId, id, changes, Actors.required());
    }

    @DeleteMapping("/api/v1/staff/{userId}/certificates/{id}")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Delete a certificate; with version")
    ResponseEntity<Void> delete(@PathVariable long userId, @PathVariable long id, @RequestParam Integer version) {
        certificates.delete(userId, id, version, Actors.required());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/staff/{userId}/certificates/{id}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Upload the scan (multipart 'file': PDF, PNG or JPEG by its bytes, ≤ gridcare.staff.scan-max-size)")
    Certificate scan(@PathVariable long userId, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return certificates.attachScan(userId, id, file.getOriginalFilename(), file.getBytes(), Actors.required());
    }

    @GetMapping("/api/v1/staff/{userId}/certificates/{id}/scan")
    @Operation(summary = "Download the scan")
    ResponseEntity<byte[]> download(@PathVariable long userId, @PathVariable long id) {
        Certificates.Scan scan = certificates.scan(userId, id, Actors.required());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(scan.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(scan.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(scan.content());
    }

    @GetMapping("/api/v1/staff/certificates/expiring")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Certificates in scope expiring within `days` (default: the reminder lead time) or expired")
    List<Certificates.Expiring> expiring(@RequestParam(required = false) Integer days) {
        return certificates.expiring(days == null ? certificates.leadDays() : days, Actors.required());
    }

    @GetMapping("/api/v1/staff/notices")
    @Operation(summary = "The caller's staff notices (certificate reminders), newest first")
    List<StaffNotice> notices() {
        return certificates.notices(Actors.required());
    }

    @PostMapping("/api/v1/staff/notices/read")
    @Operation(summary = "Mark the caller's staff notices read")
    ResponseEntity<Void> markRead() {
        certificates.markNoticesRead(Actors.required());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/staff/shift-codes")
    @Operation(summary = "The configured shift codes with their local times")
    List<ShiftCode> shiftCodes() {
        return shifts.codes();
    }

    @GetMapping("/api/v1/staff/{userId}/shifts")
    @Operation(summary = "A person's shifts between two days (default: this week and the next)")
    List<Shift> shifts(@PathVariable long userId, @RequestParam(required = false) LocalDate from,
                       @RequestParam(required = false) LocalDate to) {
        return shifts.of(userId, from, to, Actors.required());
    }

    @PostMapping("/api/v1/staff/{userId}/shifts")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Plan a shift {date, shiftCode} or {date, startsAt, endsAt}; an overlap → 409")
    ResponseEntity<Shift> addShift(@PathVariable long userId, @Valid @RequestBody NewShift command) {
        Shift created = shifts.add(userId, command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/staff/" + userId + "/shifts/" + created.id())).body(created);
    }

    @DeleteMapping("/api/v1/staff/{userId}/shifts/{id}")
    @PreAuthorize(StaffApiController.MANAGERS)
    @Operation(summary = "Remove a shift")
    ResponseEntity<Void> deleteShift(@PathVariable long userId, @PathVariable long id) {
        shifts.delete(userId, id, Actors.required());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/work-orders/{number}/suggestions")
    @PreAuthorize(DISPATCHERS)
    @Operation(summary = "Whom to dispatch the order to now: on duty, skilled, not blocked, fewest orders on hand first")
    DispatchSuggestion suggestions(@PathVariable String number) {
        return suggestions.forOrder(number, Actors.required());
    }
}
