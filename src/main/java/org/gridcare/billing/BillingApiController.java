package org.gridcare.billing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.NotFoundException;
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
@Tag(name = "Billing", description = "电价与电费 — tariffs, quotes and bills")
class BillingApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER', 'FIELD_STAFF', 'INSPECTOR')";
    static final String CALCULATORS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')";
    static final String RUNNERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final Tariffs tariffs;
    private final BillCalculator calculator;
    private final Bills bills;
    private final BillRuns runs;

    BillingApiController(Tariffs tariffs, BillCalculator calculator, Bills bills, BillRuns runs) {
        this.tariffs = tariffs;
        this.calculator = calculator;
        this.bills = bills;
        this.runs = runs;
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

    @GetMapping("/api/v1/customers/{number}/bills")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's stored bills, newest first (without lines)")
    List<Bill> customerBills(@PathVariable String number) {
        return bills.ofCustomer(number, Actors.required());
    }

    @GetMapping("/api/v1/customers/{number}/bills/{month}")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's stored bill of a month (yyyy-MM) with its lines; 404 when not calculated")
    Bill customerBill(@PathVariable String number, @PathVariable String month) {
        var ym = Bills.month(month, "month");
        return bills.forCustomerMonth(number, ym, Actors.required())
                .orElseThrow(() -> new NotFoundException(Bills.ENTITY, number + "/" + ym));
    }

    @PostMapping("/api/v1/customers/{number}/bills/{month}")
    @PreAuthorize(CALCULATORS)
    @Operation(summary = "Calculate (or recalculate) the customer's bill of a month that has ended from the stored "
            + "readings and the archive's tariff code and capacity; replaces the stored bill")
    Bill calculate(@PathVariable String number, @PathVariable String month) {
        return bills.calculate(number, runs.endedMonth(month, "month"), Actors.required());
    }

    @GetMapping("/api/v1/customers/{number}/bills/{month}/explain")
    @PreAuthorize(READERS)
    @Operation(summary = "Why the month's bill differs from the bill of compareTo (yyyy-MM, default the month "
            + "before): sentences with the amount each explains")
    BillExplanation explain(@PathVariable String number, @PathVariable String month,
                            @RequestParam(required = false) String compareTo) {
        return bills.explain(number, Bills.month(month, "month"),
                compareTo == null || compareTo.isBlank() ? null : Bills.month(compareTo, "compareTo"), Actors.required());
    }

    record RunRequest(String month) {
    }

    @PostMapping("/api/v1/bills/runs")
    @PreAuthorize(RUNNERS)
    @Operation(summary = "Compute the bills of every customer in the caller's scope for a month {month: yyyy-MM} "
            + "in the background; poll GET /api/v1/bills/runs/{id}")
    ResponseEntity<BillRun> startRun(@RequestBody(required = false) RunRequest request) {
        BillRun run = runs.start(request == null ? null : request.month(), Actors.required());
        return ResponseEntity.accepted().location(URI.create("/api/v1/bills/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/bills/runs")
    @PreAuthorize(RUNNERS)
    @Operation(summary = "Recent bill runs in the caller's scope, newest first")
    List<BillRun> recentRuns() {
        return runs.recent(Actors.required());
    }

    record RunReport(BillRun run, List<BillRunRepository.Skip> skipped) {
    }

    @GetMapping("/api/v1/bills/runs/{id}")
    @PreAuthorize(RUNNERS)
    @Operation(summary = "A bill run's status and counts, with the first skipped customers and why")
    RunReport run(@PathVariable long id) {
        return new RunReport(runs.get(id, Actors.required()), runs.skips(id, Actors.required(), 200));
    }
}
