package org.gridcare.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The organisation tree: reading it within a data scope, and changing it under the tree's rules. */
@Service
public class OrgUnits {

    static final String ENTITY = "OrgUnit";

    /**
     * How long an instance trusts a unit and a unit's subtree it has read: both are read on nearly every request
     * (the caller's data scope, an order's unit) and change rarely. A change on this instance applies at once.
     */
    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final OrgUnitRepository units;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoadingCache<Long, Optional<OrgUnit>> byId;
    private final LoadingCache<Long, DataScope> scopeOfUnit;

    OrgUnits(OrgUnitRepository units, AuditTrail audit, Clock clock) {
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.byId = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(100_000).build(units::findById);
        this.scopeOfUnit = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(10_000)
                .build(unitId -> units.findById(unitId)
                        .map(unit -> new DataScope(false, new HashSet<>(units.findSubtreeIds(unit.path()))))
                        .orElseGet(() -> new DataScope(false, Set.of())));
    }

    /** Forgets what was cached, now and again after the commit (a concurrent reader may re-read the old tree). */
    private void treeChanged() {
        byId.invalidateAll();
        scopeOfUnit.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byId.invalidateAll();
                    scopeOfUnit.invalidateAll();
                }
            });
        }
    }

    /** The scope of the given user: their unit's subtree, or everything for an administrator. */
    @Transactional(readOnly = true)
    public DataScope scopeOf(Actor actor) {
        if (actor.isAdmin()) {
            return DataScope.unrestricted();
        }
        return scopeOfUnit.get(actor.unitId());
    }

    /** The ids of a unit and of every unit below it (a filter "unit X" means X's whole subtree). */
    @Transactional(readOnly = true)
    public Set<Long> subtreeIds(OrgUnitId unit) {
        return scopeOfUnit.get(unit.value()).unitIds();
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> visibleTo(Actor actor) {
        if (actor.isAdmin()) {
            return units.findAllOrdered();
        }
        return units.findById(actor.unitId()).map(unit -> units.findSubtree(unit.path())).orElse(List.of());
    }

    /** The unit with this code, if it lies within the scope. */
    @Transactional(readOnly = true)
    public OrgUnit get(String code, DataScope scope) {
        return units.findByCode(code).filter(unit -> scope.includes(unit.id().value()))
                .orElseThrow(() -> new NotFoundException(ENTITY, code));
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> findByCode(String code) {
        return units.findByCode(code);
    }

    /** Cached; a miss is one statement, which needs no transaction of its own. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<OrgUnit> findById(OrgUnitId id) {
        return byId.get(id.value());
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return !units.exists();
    }

    /** The root of the tree, created as a province company when the tree is empty. */
    @Transactional
    public OrgUnit ensureRoot(String code, String name) {
        return units.findAllOrdered().stream().filter(u -> u.parentId() == null).findFirst().orElseGet(() -> {
            treeChanged();
            OrgUnit root = units.insert(code, name, OrgUnitKind.PROVINCE_COMPANY, AreaType.URBAN, null, now());
            audit.record("ORG_UNIT_CREATED", ENTITY, root.code(), "root unit created on an empty database");
            return root;
        });
    }

    @Transactional
    public OrgUnit create(NewOrgUnit command, Actor actor) {
        DataScope scope = scopeOf(actor);
        OrgUnit parent = null;
        if (command.parentCode() == null || command.parentCode().isBlank()) {
            if (command.kind() != OrgUnitKind.PROVINCE_COMPANY || !actor.isAdmin()) {
                throw InvalidInputException.of("parentCode", "validation.orgUnit.parentRequired");
            }
        } else {
            parent = units.findByCode(command.parentCode()).filter(p -> scope.includes(p.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("parentCode", "validation.orgUnit.unknownParent",
                            command.parentCode()));
            checkContainment(parent, command.kind());
            if (!parent.enabled()) {
                throw new ConflictException("error.orgUnit.parentDisabled", parent.code());
            }
        }
        if (units.codeTaken(command.code())) {
            throw new ConflictException("error.orgUnit.duplicateCode", command.code());
        }
        AreaType area = command.areaType() != null ? command.areaType()
                : parent != null ? parent.areaType() : AreaType.URBAN;
        treeChanged();
        OrgUnit created = units.insert(command.code(), command.name().trim(), command.kind(), area, parent, now());
        audit.record("ORG_UNIT_CREATED", ENTITY, created.code(),
                "%s %s (%s) under %s".formatted(created.code(), created.name(), created.kind(),
                        parent == null ? "-" : parent.code()));
        return created;
    }

    @Transactional
    public OrgUnit change(String code, OrgUnitChanges changes, Actor actor) {
        DataScope scope = scopeOf(actor);
        OrgUnit unit = get(code, scope);
        if (changes.version() != null && changes.version() != unit.version()) {
            throw ConflictException.staleVersion(ENTITY, code);
        }
        StringBuilder summary = new StringBuilder();
        OrgUnitKind kind = changes.kind() != null ? changes.kind() : unit.kind();
        if (changes.parentCode() != null && !changes.parentCode().equals(unit.parentCode())) {
            OrgUnit newParent = units.findByCode(changes.parentCode()).filter(p -> scope.includes(p.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("parentCode", "validation.orgUnit.unknownParent",
                            changes.parentCode()));
            if (newParent.isWithin(unit)) {
                throw new ConflictException("error.orgUnit.moveIntoOwnSubtree", unit.code(), newParent.code());
            }
            if (!actor.isAdmin() && unit.id().value() == actor.unitId()) {
                throw new ConflictException("error.orgUnit.moveOwnUnit", unit.code());
            }
            checkContainment(newParent, kind);
            if (!newParent.enabled()) {
                throw new ConflictException("error.orgUnit.parentDisabled", newParent.code());
            }
            treeChanged();
            units.move(unit, newParent, now());
            summary.append("moved from ").append(unit.parentCode()).append(" to ").append(newParent.code()).append("; ");
            unit = units.findById(unit.id().value()).orElseThrow();
        } else if (changes.kind() != null && unit.parentId() != null) {
            OrgUnit parent = units.findById(unit.parentId().value()).orElseThrow();
            checkContainment(parent, kind);
        }
        if (changes.kind() != null && kind != unit.kind()) {
            for (OrgUnit child : units.findSubtree(unit.path())) {
                if (child.parentId() != null && child.parentId().equals(unit.id()) && !kind.mayContain(child.kind())) {
                    throw new ConflictException("error.orgUnit.kindBreaksChildren", unit.code(), kind);
                }
            }
        }
        boolean enabled = changes.enabled() != null ? changes.enabled() : unit.enabled();
        if (enabled && !unit.enabled() && unit.parentId() != null) {
            OrgUnit parent = units.findById(unit.parentId().value()).orElseThrow();
            if (!parent.enabled()) {
                throw new ConflictException("error.orgUnit.parentDisabled", parent.code());
            }
        }
        if (!enabled && unit.enabled()) {
            OrgUnitId unitId = unit.id();
            boolean enabledChildren = units.findSubtree(unit.path()).stream()
                    .anyMatch(u -> !u.id().equals(unitId) && u.enabled());
            if (enabledChildren) {
                throw new ConflictException("error.orgUnit.disableWithChildren", unit.code());
            }
        }
        String name = changes.name() != null ? changes.name().trim() : unit.name();
        AreaType area = changes.areaType() != null ? changes.areaType() : unit.areaType();
        describe(summary, "name", unit.name(), name);
        describe(summary, "kind", unit.kind(), kind);
        describe(summary, "areaType", unit.areaType(), area);
        describe(summary, "enabled", unit.enabled(), enabled);
        OrgUnit updated = new OrgUnit(unit.id(), unit.code(), name, kind, area, unit.parentId(), unit.parentCode(),
                unit.path(), enabled, unit.version(), unit.createdAt(), unit.updatedAt());
        treeChanged();
        if (!units.update(updated, unit.version(), now())) {
            throw ConflictException.staleVersion(ENTITY, code);
        }
        audit.record("ORG_UNIT_CHANGED", ENTITY, code, summary.isEmpty() ? "no change" : summary.toString());
        return units.findById(unit.id().value()).orElseThrow();
    }

    private static void describe(StringBuilder summary, String field, Object before, Object after) {
        if (!before.equals(after)) {
            summary.append(field).append(": ").append(before).append(" → ").append(after).append("; ");
        }
    }

    private static void checkContainment(OrgUnit parent, OrgUnitKind kind) {
        if (!parent.kind().mayContain(kind)) {
            throw InvalidInputException.of("kind", "validation.orgUnit.kindUnderParent", kind, parent.kind());
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
