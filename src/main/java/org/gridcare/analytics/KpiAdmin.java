package org.gridcare.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administration of the KPIs: targets per KPI and unit subtree, the formula settings, and the rebuild of
 * every fact from the source views. Every change is audited. A manager sets targets for units of their own
 * subtree; the company defaults, the settings and the rebuild are an administrator's.
 */
@Service
public class KpiAdmin {

    static final String ENTITY = "KpiTarget";
    /** Orders refreshed per transaction by a rebuild. */
    static final int REBUILD_CHUNK = 50_000;
    private static final Set<String> COMPARISONS = Set.of(">=", ">", "<=", "<");
    private static final Set<String> BOOLEAN_SETTINGS = Set.of("BASICALLY_SATISFIED_COUNTS");

    private final KpiCatalog catalog;
    private final KpiFacts facts;
    private final OrgUnits units;
    private final org.gridcare.audit.AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KpiAdmin(KpiCatalog catalog, KpiFacts facts, OrgUnits units, AuditTrail audit,
             PlatformTransactionManager transactionManager, Clock clock) {
        this.catalog = catalog;
        this.facts = facts;
        this.units = units;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The targets the caller may see: the defaults and those of units in their scope, with unit codes. */
    @Transactional(readOnly = true)
    public List<KpiTarget> targets(Actor actor) {
        DataScope scope = units.scopeOf(actor);
        return catalog.targets().stream().filter(t -> t.unitId() == null || scope.includes(t.unitId()))
                .map(t -> new KpiTarget(t.id(), t.kpi(), t.unitId(), t.unitId() == null ? null
                        : units.findById(new OrgUnitId(t.unitId())).map(OrgUnit::code).orElse(null), t.comparison(),
                        t.target(), t.amberBand(), t.note(), t.updatedBy(), t.updatedAt()))
                .toList();
    }

    /** Sets the target of a KPI for a unit's subtree ({@code unitCode} empty: the company default). */
    @Transactional
    public KpiTarget saveTarget(String kpi, String unitCode, String comparison, BigDecimal target,
                                BigDecimal amberBand, String note, Actor actor) {
        if (kpi == null || catalog.definitions().stream().noneMatch(d -> d.name().equals(kpi))) {
            throw InvalidInputException.of("kpi", "validation.kpi.unknownKpi", kpi);
        }
        if (comparison == null || !COMPARISONS.contains(comparison)) {
            throw InvalidInputException.of("comparison", "validation.kpi.unknownComparison", String.join(" ", COMPARISONS));
        }
        if (target == null) {
            throw InvalidInputException.of("target", "validation.kpi.required");
        }
        if (target.abs().compareTo(new BigDecimal("9999999999")) > 0) {
            throw InvalidInputException.of("target", "validation.kpi.outOfRange");
        }
        BigDecimal band = amberBand == null ? BigDecimal.ZERO : amberBand;
        if (band.signum() < 0 || band.compareTo(new BigDecimal("9999999999")) > 0) {
            throw InvalidInputException.of("amberBand", "validation.kpi.outOfRange");
        }
        if (note != null && note.length() > 300) {
            throw InvalidInputException.of("note", "validation.kpi.tooLong", 300);
        }
        Long unitId = null;
        if (unitCode != null && !unitCode.isBlank()) {
            DataScope scope = units.scopeOf(actor);
            OrgUnit unit = units.findByCode(unitCode.trim()).filter(u -> scope.includes(u.id().value()))
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.kpi.unknownUnit", unitCode));
            unitId = unit.id().value();
        } else if (!actor.isAdmin()) {
            throw InvalidInputException.of("unit", "validation.kpi.defaultsAreAdmins");
        }
        long id = catalog.saveTarget(kpi, unitId, comparison, target, band, blankToNull(note), actor.username(),
                Instant.now(clock));
        audit.record("KPI_TARGET_SET", ENTITY, String.valueOf(id), "%s %s %s %s (amber ±%s)".formatted(kpi,
                unitId == null ? "default" : unitCode.trim(), comparison, target.toPlainString(), band.toPlainString()));
        return targets(actor).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void deleteTarget(long id, Actor actor) {
        DataScope scope = units.scopeOf(actor);
        KpiTarget target = catalog.target(id).filter(t -> t.unitId() == null ? actor.isAdmin()
                : scope.includes(t.unitId())).orElseThrow(() -> new NotFoundException(ENTITY, id));
        catalog.deleteTarget(id);
        audit.record("KPI_TARGET_DELETED", ENTITY, String.valueOf(id), target.kpi() + " "
                + (target.unitId() == null ? "default" : "unit " + target.unitId()));
    }

    @Transactional(readOnly = true)
    public Map<String, String> settings() {
        return catalog.settings();
    }

    @Transactional
    public void saveSetting(String name, String value, Actor actor) {
        if (name == null || !catalog.settings().containsKey(name)) {
            throw new NotFoundException("KpiSetting", name);
        }
        String v = value == null ? "" : value.trim();
        boolean valid = BOOLEAN_SETTINGS.contains(name) ? v.equals("true") || v.equals("false")
                : v.matches("[1-9][0-9]{0,3}");
        if (!valid) {
            throw InvalidInputException.of("value", BOOLEAN_SETTINGS.contains(name) ? "validation.kpi.booleanSetting"
                    : "validation.kpi.hoursSetting");
        }
        catalog.saveSetting(name, v, actor.username(), Instant.now(clock));
        audit.record("KPI_SETTING_CHANGED", "KpiSetting", name, name + " = " + v);
    }

    /**
     * Recomputes every fact from the source views, in chunks of {@value #REBUILD_CHUNK} orders per transaction
     * (orders keep being worked meanwhile; their own events keep their facts current). Returns the rows written.
     */
    public long rebuildAll(Actor actor) {
        long[] range = transactions.execute(status -> {
            audit.record("KPI_FACTS_REBUILT", "KpiFacts", "all", "rebuild of every KPI fact requested");
            return facts.orderIdRange().orElse(null);
        });
        if (range == null) {
            return 0;
        }
        long written = 0;
        for (long first = range[0]; first <= range[1]; first += REBUILD_CHUNK) {
            long from = first;
            Integer rows = transactions.execute(status -> facts.refreshRange(from, from + REBUILD_CHUNK - 1));
            written += rows == null ? 0 : rows;
        }
        return written;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
