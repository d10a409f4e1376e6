package org.gridcare.customer;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "客户档案 — the customer archive; personal data masked unless unmask=true")
class CustomerApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT', 'DISPATCHER', 'FIELD_STAFF', 'INSPECTOR')";
    static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR', 'AGENT')";

    private final Customers customers;
    private final SupplyContracts contracts;

    CustomerApiController(Customers customers, SupplyContracts contracts) {
        this.customers = customers;
        this.contracts = contracts;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Customers within the caller's scope; q matches a number prefix, a name, a phone or an address fragment")
    PageResult<CustomerView> list(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) CustomerKind kind,
                                  @RequestParam(required = false) CustomerFlag flag,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        Actor actor = Actors.required();
        PageQuery query = PageQuery.of(page, size, sort, Customers.SORTS);
        CustomerFilter filter = new CustomerFilter(q, kind, flag, customers.unitFilter(unit, actor));
        Disclosure disclosure = customers.disclose(null, false, actor);
        return customers.find(filter, query, actor)
                .map(c -> CustomerView.of(c, customers.unitOf(c.unitId()), disclosure));
    }

    @GetMapping("/{number}")
    @PreAuthorize(READERS)
    @Operation(summary = "One customer; unmask=true shows phone, ID number and address in full (permitted roles only, audited)")
    CustomerView get(@PathVariable String number, @RequestParam(defaultValue = "false") boolean unmask) {
        Actor actor = Actors.required();
        Customer customer = customers.get(number, actor);
        return CustomerView.of(customer, customers.unitOf(customer.unitId()), customers.disclose(customer, unmask, actor));
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(summary = "Register a customer at a supply station within the caller's scope")
    ResponseEntity<CustomerView> create(@RequestBody NewCustomer command) {
        Actor actor = Actors.required();
        Customer created = customers.register(command.content(), actor);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.number()))
                .body(CustomerView.of(created, customers.unitOf(created.unitId()), customers.disclose(created, false, actor)));
    }

    @PatchMapping("/{number}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Change a customer's archive; give the version you read to detect concurrent changes")
    CustomerView change(@PathVariable String number, @RequestBody CustomerChanges changes) {
        Actor actor = Actors.required();
        Customer changed = customers.change(number, changes, actor);
        return CustomerView.of(changed, customers.unitOf(changed.unitId()), customers.disclose(changed, false, actor));
    }

    @GetMapping("/{number}/contract")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's supply-contract history (tariff and basic-charge basis per effective billing month), oldest first")
    List<ContractTerm> contract(@PathVariable String number) {
        return contracts.history(number, Actors.required());
    }

    @PostMapping("/{number}/contract-changes")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Change the supply contract (tariff; basis only for two-part tariffs) from the first day of a billing month; returns the history")
    List<ContractTerm> changeContract(@PathVariable String number, @RequestBody ContractChange change) {
        return contracts.changeContract(number, change, Actors.required());
    }
}
