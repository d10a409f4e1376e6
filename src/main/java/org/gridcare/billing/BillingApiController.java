package org.gridcare.billing;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing", description = "电价与电费 — tariffs, quotes and bills")
class BillingApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER', 'FIELD_STAFF', 'INSPECTOR')";

    private final Tariffs tariffs;
    private final BillCalculator calculator;

    BillingApiController(Tariffs tariffs, BillCalculator calculator) {
        this.tariffs = tariffs;
        this.calculator = calculator;
    }

    @GetMapping("/api/v1/tariffs")
    @PreAuthorize(READERS)
    @Operation(summary = "Every tariff with its effective-dated versions (example tariffs are marked)")
    List<Tariff> tariffs() {
        return tariffs.all();
    }

    @GetMapping("/api/v1/tariffs/{code}")
    @PreAuthorize(READERS)
    @Operation(summary = "One tariff with its effective-dated versions: tiers, TOU prices and windows, basic charge, "
            + "power-factor standard, surcharges")
    Tariff tariff(@PathVariable String code) {
        return tariffs.find(code).orElseThrow(() -> new NotFoundException("Tariff", code));
    }

    @PostMapping("/api/v1/bills/quote")
    @PreAuthorize(READERS)
    @Operation(summary = "Price a period on a tariff without storing anything: {tariffCode, periodStart, periodEnd, "
            + "kwh: {total} or {criticalPeak, peak, flat, valley}, annualKwhBefore, capacityKva, maxDemandKw, "
            + "basicChargeBasis: CAPACITY|DEMAND, reactiveKvarh, pfStandard} → line items and total")
    Quote quote(@RequestBody QuoteRequest request) {
        return calculator.quote(request);
    }
}
