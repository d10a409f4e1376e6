package org.gridcare.customer;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{number}/meters")
@Tag(name = "Meters", description = "计量点与电能表 — service points and meters of a customer")
class MeterApiController {

    static final String INSTALLERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'FIELD_STAFF')";

    private final Meters meters;

    MeterApiController(Meters meters) {
        this.meters = meters;
    }

    @GetMapping
    @PreAuthorize(CustomerApiController.READERS)
    @Operation(summary = "The customer's meters, active first, per service point")
    PageResult<Meter> list(@PathVariable String number, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, java.util.Map.of("servicePoint", "servicePoint"));
        List<Meter> all = meters.of(number, Actors.required());
        List<Meter> items = all.stream().skip(query.offset()).limit(query.size()).toList();
        return new PageResult<>(items, query.page(), query.size(), all.size());
    }

    @PostMapping
    @PreAuthorize(INSTALLERS)
    @Operation(summary = "Record a meter (meterNumber, type, multiplier, installedOn, removedOn, servicePoint)")
    ResponseEntity<Meter> install(@PathVariable String number, @RequestBody NewMeter command) {
        Meter meter = meters.install(number, command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + number + "/meters/" + meter.meterNumber()))
                .body(meter);
    }

    @PostMapping("/{meterNumber}/removal")
    @PreAuthorize(INSTALLERS)
    @Operation(summary = "Record that a meter was removed on a date")
    Meter remove(@PathVariable String number, @PathVariable String meterNumber, @RequestBody Removal removal) {
        return meters.remove(number, meterNumber, removal.removedOn(), Actors.required());
    }

    record Removal(LocalDate removedOn) {
    }
}
