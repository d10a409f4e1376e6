package org.gridcare.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer archive: registering and changing customers under the archive's rules, finding them
 * within the caller's data scope, and showing their personal data masked or — audited — unmasked.
 */
@Service
class Customers implements CustomerDirectory {

    static final String ENTITY = "Customer";
    static final Map<String, String> SORTS = sorts();
    /** The default order of a list and a search: by customer number. */
    private static final String BY_NUMBER = "c.number asc";
    /**
     * A text search looks for a name or address fragment unit by unit when the units searched hold at most one
     * customer in this many: a supply station or a county. A larger scope (a city of ten stations in a million
     * customers) is searched through the whole-table indexes, which the unit-by-unit walk does not beat there
     * (docs/benchmarks.md, "Scoped customer search").
     */
    static final int WALK_SHARE = 20;

    private final CustomerRepository customers;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final CustomerProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CustomerCounts counts;

    Customers(CustomerRepository customers, OrgUnits units, AuditTrail audit, CustomerProperties properties,
              ApplicationEventPublisher events, Clock clock, CustomerCounts counts) {
        this.customers = customers;
        this.counts = counts;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer register(CustomerContent content, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        List<Violation> violations = new ArrayList<>(content.violations());
        OrgUnit unit = resolveUnit(content.unitCode(), scope, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (customers.numberTaken(content.number())) {
            throw new ConflictException("error.customer.duplicateNumber", content.number());
        }
        Customer created;
        try {
            created = customers.insert(content, unit.id().value(), now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("error.customer.duplicateNumber", content.number());
        }
        audit.record("CUSTOMER_CREATED", ENTITY, created.number(),
                "%s %s at %s".formatted(created.kind(), created.voltageLevel(), unit.code()));
        events.publishEvent(new CustomerRegistered(created.number(), unit.id().value()));
        return created;
    }

    @Transactional
    public Customer change(String number, CustomerChanges changes, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        Customer current = get(number, scope);
        if (changes.version() != null && changes.version() != current.version()) {
            throw ConflictException.staleVersion(ENTITY, number);
        }
        CustomerContent content = changes.applyTo(current, unitOf(current.unitId()).code());
        List<Violation> violations = new ArrayList<>(content.violations());
        OrgUnit unit = resolveUnit(content.unitCode(), scope, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Customer changed = current.withContent(content, unit.id().value());
        Set<String> fields = changedFields(current, changed);
        if (fields.isEmpty()) {
            return current;
        }
        if (fields.contains("tariffCode") && customers.hasContractHistory(current.id().value())) {
            throw InvalidInputException.of("tariffCode", "validation.customer.tariffCode.viaContract");
        }
        if (!customers.update(changed, current.version(), now())) {
            throw ConflictException.staleVersion(ENTITY, number);
        }
        audit.record("CUSTOMER_CHANGED", ENTITY, number, "changed: " + String.join(", ", fields));
        events.publishEvent(new CustomerChanged(number, unit.id().value(), fields));
        return customers.findById(current.id().value()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Customer get(String number, Actor actor) {
        return get(number, units.scopeOf(actor));
    }

    Customer byId(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    Customer get(String number, DataScope scope) {
        return customers.findByNumber(number).filter(c -> scope.includes(c.unitId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, number));
    }

    /**
     * What the actor may see of this customer. Unmasking is refused (403) to roles outside
     * {@code gridcare.customer.unmask-roles}; when granted it is audited as CUSTOMER_UNMASKED.
     */
    @Transactional
    public Disclosure disclose(Customer customer, boolean unmask, Actor actor) {
        if (!unmask) {
            return Disclosure.masked(actor, properties);
        }
        if (!Disclosure.mayUnmask(actor, properties)) {
            throw new AccessDeniedException("customer.unmask");
        }
        audit.record("CUSTOMER_UNMASKED", ENTITY, customer.number(), "personal data shown unmasked");
        return Disclosure.full();
    }

    boolean mayUnmask(Actor actor) {
        return Disclosure.mayUnmask(actor, properties);
    }

    @Transactional(readOnly = true)
    public PageResult<Customer> find(CustomerFilter filter, PageQuery page, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        if (filter.text() != null && !filter.text().isBlank() && page.orderBy().equals(BY_NUMBER)) {
            // counted up to the cap beyond the page's start, so that paging on never dead-ends
            CustomerRepository.Found found = customers.searchByNumber(filter, scope, walkUnits(filter, scope),
                    page.offset(), page.size(), page.offset() + Math.max(page.size(), properties.searchCountCap()));
            if (!found.items().isEmpty() || page.page() == 0) {
                return new PageResult<>(found.items(), page.page(), page.size(), found.items().size() < page.size()
                        ? page.offset() + found.items().size() : found.total());
            }
        }
        List<Customer> items = customers.find(filter, scope, page.orderBy(), page.offset(), page.size());
        long total = items.size() < page.size() && (page.page() == 0 || !items.isEmpty())
                ? page.offset() + items.size() : customers.count(filter, scope, properties.searchCountCap());
        if (!items.isEmpty() && total < page.offset() + items.size()) {
            total = page.offset() + items.size();
        }
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * The units a text search walks one by one ({@link CustomerRepository#searchByNumber(CustomerFilter, DataScope,
     * Set, long, int, long)}): those of the unit filter, or else of a restricted scope, when they hold at most one
     * customer in {@value #WALK_SHARE} (by the counts per unit held, recounted in the background when old); null to
     * search the whole table.
     */
    Set<Long> walkUnits(CustomerFilter filter, DataScope scope) {
        Set<Long> searched = filter.unitIds() != null ? filter.unitIds() : scope.all() ? null : scope.unitIds();
        if (searched == null || searched.isEmpty()) {
            return null;
        }
        Map<Long, Long> byUnit = counts.approximateByUnit();
        long all = byUnit.values().stream().mapToLong(Long::longValue).sum();
        long inScope = searched.stream().mapToLong(unit -> byUnit.getOrDefault(unit, 0L)).sum();
        return inScope * WALK_SHARE <= all ? searched : null;
    }

    /** The unit codes given, narrowed to the actor's scope: a unit stands for its whole subtree. */
    Set<Long> unitFilter(String unitCode, Actor actor) {
        if (unitCode == null || unitCode.isBlank()) {
            return null;
        }
        List<OrgUnit> visible = units.visibleTo(actor);
        OrgUnit unit = visible.stream().filter(u -> u.code().equals(unitCode.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("unit", "validation.orgUnit.unknown", unitCode));
        Set<Long> ids = new LinkedHashSet<>();
        visible.stream().filter(u -> u.isWithin(unit)).forEach(u -> ids.add(u.id().value()));
        return ids;
    }

    // ---- CustomerDirectory: masked for the signed-in user's role, within the given scope ----

    /** One statement: it needs no transaction of its own (an intake looks its customer up outside one). */
    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<CustomerSummary> find(String number, DataScope scope) {
        if (number == null || !CustomerContent.NUMBER.matcher(number.strip()).matches()) {
            return Optional.empty();
        }
        return customers.findByNumber(number.strip()).filter(c -> scope.includes(c.unitId())).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(DataScope scope) {
        return customers.countInUnits(scope);
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        return counts.byUnit();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerSummary> search(String query, DataScope scope, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        int capped = Math.max(1, Math.min(limit, PageQuery.MAX_SIZE));
        CustomerFilter filter = CustomerFilter.text(query);
        return customers.searchByNumber(filter, scope, walkUnits(filter, scope), 0, capped, capped).items().stream()
                .map(this::summary).toList();
    }

    private CustomerSummary summary(Customer customer) {
        Disclosure disclosure = Disclosure.masked(Actors.current().orElse(null), properties);
        OrgUnit unit = unitOf(customer.unitId());
        return new CustomerSummary(customer.number(), customer.name(), customer.kind().name(),
                customer.voltageLevel().name(), disclosure.address(customer.address()),
                disclosure.phone(customer.mainPhone()), customer.unitId(), unit.code(),
                customer.flags().stream().map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The unit serving a customer; units are few and their codes never change, so they are cached. */
    OrgUnit unitOf(long unitId) {
        OrgUnit cached = unitCache.get(unitId);
        if (cached != null) {
            return cached;
        }
        OrgUnit unit = units.findById(new OrgUnitId(unitId))
                .orElseThrow(() -> new IllegalStateException("customer of a missing unit " + unitId));
        unitCache.put(unitId, unit);
        return unit;
    }

    private final Map<Long, OrgUnit> unitCache = new ConcurrentHashMap<>();

    private OrgUnit resolveUnit(String code, DataScope scope, List<Violation> violations) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        Optional<OrgUnit> unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()));
        if (unit.isEmpty()) {
            violations.add(new Violation("unitCode", "validation.orgUnit.unknown", code));
            return null;
        }
        if (!unit.get().enabled()) {
            violations.add(new Violation("unitCode", "validation.orgUnit.disabled", code));
            return null;
        }
        unitCache.put(unit.get().id().value(), unit.get());
        return unit.get();
    }

    static Set<String> changedFields(Customer before, Customer after) {
        Set<String> fields = new LinkedHashSet<>();
        note(fields, "name", before.name(), after.name());
        note(fields, "kind", before.kind(), after.kind());
        note(fields, "voltageLevel", before.voltageLevel(), after.voltageLevel());
        note(fields, "address", before.address(), after.address());
        note(fields, "phone", before.phones(), after.phones());
        note(fields, "idNumber", before.idNumber(), after.idNumber());
        note(fields, "tariffCode", before.tariffCode(), after.tariffCode());
        if (before.capacityKva() == null ? after.capacityKva() != null
                : after.capacityKva() == null || before.capacityKva().compareTo(after.capacityKva()) != 0) {
            fields.add("capacityKva");
        }
        note(fields, "unitCode", before.unitId(), after.unitId());
        note(fields, "flags", before.flags(), after.flags());
        return fields;
    }

    private static void note(Set<String> fields, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(field);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new java.util.LinkedHashMap<>();
        sorts.put("number", "c.number");
        sorts.put("name", "c.name");
        sorts.put("updatedAt", "c.updated_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }
}
