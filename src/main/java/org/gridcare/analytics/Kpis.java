package org.gridcare.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridcare.customer.CustomerDirectory;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.gridcare.staff.StaffDirectory;
import org.gridcare.staff.StaffProfile;
import org.gridcare.staff.Team;
import org.gridcare.workorder.Category;
import org.gridcare.workorder.Channel;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI engine: any period and scope, optionally split, computed in one SQL pass over the facts with the
 * formulas of {@code kpi_definition}; targets give each figure its state. Data scope: a user sees their units'
 * subtree; anyone but an administrator, manager or supervisor sees only their own numbers (orders they
 * accepted or handle).
 */
@Service
public class Kpis {

    /** Roles that see their units' figures; everyone else sees their own. */
    static final List<String> UNIT_ROLES = List.of("ADMIN", "MANAGER", "SUPERVISOR");
    /** The longest period one report covers. */
    static final int MAX_DAYS = 3 * 366 + 1;
    private static final List<String> SUCCESSFUL = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

    private final JdbcClient jdbc;
    private final KpiCatalog catalog;
    private final OrgUnits units;
    private final CustomerDirectory customers;
    private final WorkOrders workOrders;
    private final MessageSource messages;
    private final Clock clock;
    private final KpiRollup rollup;
    private final StaffDirectory staffDirectory;
    private final FactRefresher refresher;
    /** A report's transaction: read-only, one REPEATABLE READ snapshot. */
    private final TransactionTemplate snapshot;

    Kpis(KpiRollup rollup, JdbcClient jdbc, KpiCatalog catalog, OrgUnits units, CustomerDirectory customers, WorkOrders workOrders,
         MessageSource messages, Clock clock, StaffDirectory staffDirectory, FactRefresher refresher,
         PlatformTransactionManager transactionManager) {
        this.refresher = refresher;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.rollup = rollup;
        this.staffDirectory = staffDirectory;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.units = units;
        this.customers = customers;
        this.workOrders = workOrders;
        this.messages = messages;
        this.clock = clock;
    }

    /** The KPIs of the query's period and scope, split by {@code groupBy} when given. */
    public KpiReport report(KpiQuery query, Actor actor) {
        return report(query, null, actor);
    }

    /**
     * As {@link #report(KpiQuery, Actor)}, with only the KPIs named in {@code only} (null: all of them) — a trend
     * chart need not pay for the medians it does not show. The facts of every change committed before the call are
     * refreshed first; then one REPEATABLE READ snapshot: the rollup, its dirty days and the facts are read as of
     * one moment.
     */
    public KpiReport report(KpiQuery query, Collection<String> only, Actor actor) {
        refresher.catchUp();
        return snapshot.execute(status -> compute(query, only, actor));
    }

    private KpiReport compute(KpiQuery query, Collection<String> only, Actor actor) {
        KpiScope scope = scope(query, actor);
        List<KpiDefinition> all = catalog.definitions();
        List<KpiDefinition> definitions = selected(all, only);
        Map<String, String> settings = catalog.settings();
        Map<String, Map<String, BigDecimal[]>> rows = figures(scope, all, definitions, settings);
        List<KpiTarget> targets = catalog.targets();
        Locale locale = LocaleContextHolder.getLocale();
        if (scope.groupBy() == null) {
            Map<String, BigDecimal[]> figures = rows.getOrDefault("", Map.of());
            return new KpiReport(scope.fromDay(), scope.toDay(), scope.unit().code(), scope.unit().name(), null,
                    values(definitions, figures, customerCount(scope, scope.unitIds()), targets, scope.unit(), locale),
                    null);
        }
        List<KpiReport.Group> groups = new ArrayList<>();
        for (String groupKey : groupKeys(scope, rows.keySet())) {
            OrgUnit groupUnit = scope.groupBy() == GroupBy.UNIT ? scope.unitsByCode().get(groupKey) : scope.unit();
            Long customersInGroup = scope.groupBy() == GroupBy.UNIT
                    ? customerCount(scope, groupUnit.equals(scope.unit()) ? List.of(groupUnit.id().value())
                            : scope.subtreeIds(groupUnit))
                    : null;
            groups.add(new KpiReport.Group(groupKey, label(scope, groupKey, locale),
                    values(definitions, rows.getOrDefault(groupKey, Map.of()),
                            customersInGroup != null ? customersInGroup : customerCount(scope, scope.unitIds()),
                            targets, groupUnit, locale)));
        }
        return new KpiReport(scope.fromDay(), scope.toDay(), scope.unit().code(), scope.unit().name(),
                scope.groupBy().path(), null, groups);
    }

    private static List<KpiDefinition> selected(List<KpiDefinition> all, Collection<String> only) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> names = all.stream().map(KpiDefinition::name).collect(Collectors.toSet());
        for (String name : only) {
            if (!names.contains(name)) {
                throw InvalidInputException.of("kpis", "validation.kpi.unknownKpi", name);
            }
        }
        return all.stream().filter(d -> only.contains(d.name())).toList();
    }

    /**
     * The raw figures per group key: for each KPI {@code [numerator, denominator]}. The additive parts come from
     * the daily rollup for its clean days and from the facts for every other day (each contiguous run of them one
     * index-bounded branch); medians always from the facts.
     */
    private Map<String, Map<String, BigDecimal[]>> figures(KpiScope scope, List<KpiDefinition> all,
                                                          List<KpiDefinition> wanted, Map<String, String> settings) {
        Instant now = Instant.now(clock);
        Map<String, Object> params = new HashMap<>();
        formulaParams(params, settings, now);
        String where = scope.where(params);
        String factKey = scope.groupBy() == null ? "''" : scope.groupKey("a.at", params);
        List<LocalDate> clean = List.of();
        Optional<KpiRollup.Level> level = KpiRollup.Level.serving(scope);
        if (level.isPresent()) {
            clean = rollup.cleanDays(scope.fromDay(), scope.toDay(), KpiRollup.fingerprint(all, settings),
                    KpiRollup.settledDay(now, settings));
        }
        List<LocalDate[]> ranges = uncleanRanges(scope.fromDay(), scope.toDay(), clean);
        if (ranges.size() > MAX_FACT_RANGES) {
            LocalDate first = ranges.get(0)[0];
            LocalDate last = ranges.get(ranges.size() - 1)[1];
            clean = clean.stream().filter(d -> d.isBefore(first) || d.isAfter(last)).toList();
            ranges = List.<LocalDate[]>of(new LocalDate[] {first, last});
        }
        if (!clean.isEmpty()) {
            params.put("level", level.orElseThrow().code);
            params.put("cleanDays", clean.stream().map(Date::valueOf).toArray(Date[]::new));
        }
        Map<String, Map<String, BigDecimal[]>> rows = new LinkedHashMap<>();
        List<KpiDefinition> additive = wanted.stream().filter(d -> d.measure() != KpiDefinition.Measure.MEDIAN
                && d.measure() != KpiDefinition.Measure.NO_DATA).toList();
        if (!additive.isEmpty()) {
            List<String> branches = new ArrayList<>();
            for (int r = 0; r < ranges.size(); r++) {
                params.put("from" + r, Timestamp.from(ranges.get(r)[0].atStartOfDay(BusinessTime.ZONE).toInstant()));
                params.put("to" + r, Timestamp.from(ranges.get(r)[1].plusDays(1).atStartOfDay(BusinessTime.ZONE)
                        .toInstant()));
                StringBuilder b = new StringBuilder("select ").append(factKey).append(" as gkey");
                for (KpiDefinition d : additive) {
                    int i = all.indexOf(d);
                    b.append(", ").append(additivePart(d, true)).append(" as n").append(i)
                            .append(", ").append(additivePart(d, false)).append(" as d").append(i);
                }
                branches.add(b + factsIn(":from" + r, ":to" + r) + where + " group by 1");
            }
            if (!clean.isEmpty()) {
                StringBuilder b = new StringBuilder("select ")
                        .append(scope.groupBy() == null ? "''" : scope.rollupGroupKey(params)).append(" as gkey");
                for (KpiDefinition d : additive) {
                    int i = all.indexOf(d);
                    b.append(", sum(f.n[").append(i + 1).append("]) as n").append(i)
                            .append(", sum(f.d[").append(i + 1).append("]) as d").append(i);
                }
                branches.add(b + " from kpi_rollup f where f.level = :level and f.day = any(:cleanDays)" + where
                        + " group by 1");
            }
            StringBuilder sql = new StringBuilder("select gkey");
            for (KpiDefinition d : additive) {
                int i = all.indexOf(d);
                sql.append(", sum(n").append(i).append(") as n").append(i)
                        .append(", sum(d").append(i).append(") as d").append(i);
            }
            sql.append(" from (").append(String.join(" union all ", branches)).append(") x group by gkey");
            jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
                Map<String, BigDecimal[]> figures = rows.computeIfAbsent(rs.getString("gkey"), k -> new HashMap<>());
                for (KpiDefinition d : additive) {
                    int i = all.indexOf(d);
                    boolean counted = d.measure() == KpiDefinition.Measure.COUNT
                            || d.measure() == KpiDefinition.Measure.PER_10K;
                    figures.put(d.name(), new BigDecimal[] {decimal(rs, "n" + i), counted ? null : decimal(rs, "d" + i)});
                }
            });
        }
        List<KpiDefinition> medians = wanted.stream()
                .filter(d -> d.measure() == KpiDefinition.Measure.MEDIAN).toList();
        for (KpiDefinition d : medians) {
            // the median of the union of the values: the facts' for the days outside the rollup, the rollup's
            // kept values for its clean days
            int i = all.indexOf(d);
            List<String> branches = new ArrayList<>();
            for (int r = 0; r < ranges.size(); r++) {
                branches.add("select " + factKey + " as gkey, " + d.valueExpr() + " as v" + factsIn(":from" + r,
                        ":to" + r) + " and " + counted(d) + where);
            }
            if (!clean.isEmpty()) {
                params.put("medianKpi", d.name());
                branches.add("select " + (scope.groupBy() == null ? "''" : scope.rollupGroupKey(params))
                        + " as gkey, unnest(f.vals) as v from kpi_rollup_median f where f.level = :level"
                        + " and f.day = any(:cleanDays) and f.kpi = :medianKpi" + where);
            }
            if (branches.isEmpty()) {
                continue;
            }
            jdbc.sql("select gkey, count(*) as d, percentile_cont(0.5) within group (order by v) as n from ("
                    + String.join(" union all ", branches) + ") x group by gkey").params(params)
                    .query((ResultSet rs) -> {
                        rows.computeIfAbsent(rs.getString("gkey"), k -> new HashMap<>())
                                .put(d.name(), new BigDecimal[] {decimal(rs, "n"), decimal(rs, "d")});
                    });
        }
        return rows;
    }

    /** More runs of days outside the rollup than this are read from the facts as one span. */
    private static final int MAX_FACT_RANGES = 6;

    /** The runs of consecutive days of {@code [from, to]} that are not in {@code clean}, as [first, last]. */
    static List<LocalDate[]> uncleanRanges(LocalDate from, LocalDate to, List<LocalDate> clean) {
        Set<LocalDate> cleanSet = new HashSet<>(clean);
        List<LocalDate[]> ranges = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!cleanSet.contains(d)) {
                if (start == null) {
                    start = d;
                }
            } else if (start != null) {
                ranges.add(new LocalDate[] {start, d.minusDays(1)});
                start = null;
            }
        }
        if (start != null) {
            ranges.add(new LocalDate[] {start, to});
        }
        return ranges;
    }

    /**
     * The additive part of a formula over the anchor rows {@code a} of the facts {@code f}: the numerator (the
     * count in its favour, or a MEAN's sum) or the denominator (a RATE's count, a MEAN's count); {@code 0} where a
     * formula has no such part.
     */
    static String additivePart(KpiDefinition d, boolean numerator) {
        String in = "a.anchor = '" + d.anchor().name() + "' and (" + d.denominator() + ")";
        String both = in + " and (" + d.numerator() + ")";
        return switch (d.measure()) {
            case COUNT, PER_10K -> numerator ? "count(*) filter (where " + both + ")" : "0";
            case RATE -> "count(*) filter (where " + (numerator ? both : in) + ")";
            case MEAN -> numerator ? "coalesce(sum(" + d.valueExpr() + ") filter (where " + both + "), 0)"
                    : "count(*) filter (where " + both + ")";
            case MEDIAN, NO_DATA -> "0";
        };
    }

    /** The condition on the anchor rows {@code a} under which a fact counts in a formula's favour. */
    static String counted(KpiDefinition d) {
        return "(a.anchor = '" + d.anchor().name() + "' and (" + d.denominator() + ") and (" + d.numerator() + "))";
    }

    /** The facts with an anchor moment in {@code [from, to)} (parameter names), each once per such anchor. */
    static String factsIn(String from, String to) {
        String values = Arrays.stream(KpiDefinition.Anchor.values())
                .map(a -> "('" + a.name() + "', f." + a.column() + ")").collect(Collectors.joining(", "));
        String any = Arrays.stream(KpiDefinition.Anchor.values())
                .map(a -> "f." + a.column() + " >= " + from + " and f." + a.column() + " < " + to)
                .collect(Collectors.joining(" or "));
        return " from kpi_order_fact f cross join lateral (values " + values + ") a(anchor, at) where a.at >= " + from
                + " and a.at < " + to + " and (" + any + ")";
    }

    /** The facts with an anchor moment in {@code [:from, :to)}. */
    static final String FACTS_IN_PERIOD = factsIn(":from", ":to");

    /**
     * The orders behind a KPI figure: {@code part} "denominator" (every order the KPI counts) or "numerator"
     * (the ones in its favour), within the query's scope and, for a split report, one group's {@code key}.
     */
    public PageResult<KpiOrder> orders(KpiQuery query, String kpi, String part, String group, Integer page,
                                       Integer size, Actor actor) {
        refresher.catchUp();
        return snapshot.execute(status -> ordersOf(query, kpi, part, group, page, size, actor));
    }

    private PageResult<KpiOrder> ordersOf(KpiQuery query, String kpi, String part, String group, Integer page,
                                          Integer size, Actor actor) {
        KpiScope scope = scope(query, actor);
        KpiDefinition d = catalog.definitions().stream().filter(k -> k.name().equals(kpi)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("kpi", "validation.kpi.unknownKpi", kpi));
        boolean numerator = part == null || part.isBlank() || part.equals("numerator");
        if (!numerator && !part.equals("denominator")) {
            throw InvalidInputException.of("part", "validation.kpi.unknownPart", part);
        }
        if (!numerator && d.measure() == KpiDefinition.Measure.PER_10K) {
            throw InvalidInputException.of("part", "validation.kpi.customersNotOrders");
        }
        PageQuery paging = PageQuery.of(page, size, null, Map.of("anchor", "x"));
        if (d.measure() == KpiDefinition.Measure.NO_DATA) {
            return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        Map<String, Object> params = new HashMap<>();
        String column = "f." + d.anchor().column();
        StringBuilder where = new StringBuilder(" where ").append(column).append(" >= :from and ").append(column)
                .append(" < :to").append(scope.where(params)).append(" and (").append(d.denominator()).append(")");
        boolean counted = numerator || d.measure() == KpiDefinition.Measure.MEAN
                || d.measure() == KpiDefinition.Measure.MEDIAN || d.measure() == KpiDefinition.Measure.COUNT;
        if (counted) {
            where.append(" and (").append(d.numerator()).append(")");
        }
        if (scope.groupBy() != null) {
            if (group == null || group.isBlank()) {
                throw InvalidInputException.of("group", "validation.kpi.groupRequired");
            }
            where.append(" and ").append(scope.groupKey(column, params)).append(" = :group");
            params.put("group", group);
        }
        formulaParams(params);
        params.put("from", java.sql.Timestamp.from(scope.from()));
        params.put("to", java.sql.Timestamp.from(scope.to()));
        long total = jdbc.sql("select count(*) from kpi_order_fact f" + where).params(params).query(Long.class)
                .single();
        Map<Long, String> codes = scope.units().values().stream()
                .collect(Collectors.toMap(u -> u.id().value(), OrgUnit::code));
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<KpiOrder> items = jdbc.sql("select f.* from kpi_order_fact f" + where + " order by " + column
                + " desc, f.order_id desc limit :limit offset :offset").params(params).query((rs, i) -> new KpiOrder(
                rs.getString("number"), rs.getString("type"), rs.getString("channel"), rs.getString("category_code"),
                codes.get(rs.getLong("unit_id")), rs.getString("handler"), rs.getString("status"),
                instant(rs, "accepted_at"), instant(rs, "first_response_at"), instant(rs, "closed_at"),
                rs.getString("visit_result"), instant(rs, "visited_at"), rs.getBoolean("breached"),
                rs.getBoolean("reopened"), rs.getBoolean("repeat"))).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** The KPI formulas. */
    @Transactional(readOnly = true)
    public List<KpiDefinition> definitions() {
        return catalog.definitions();
    }

    // ---- scope

    KpiScope scope(KpiQuery query, Actor actor) {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
        LocalDate from = query.from();
        LocalDate to = query.to();
        if (from == null && to == null) {
            from = YearMonth.from(today).atDay(1);
            to = YearMonth.from(today).atEndOfMonth();
        } else if (from == null) {
            throw InvalidInputException.of("from", "validation.kpi.required");
        } else if (to == null) {
            throw InvalidInputException.of("to", "validation.kpi.required");
        }
        if (from.isAfter(to)) {
            throw InvalidInputException.of("to", "validation.kpi.toBeforeFrom", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInputException.of("from", "validation.kpi.periodTooLong", MAX_DAYS);
        }
        GroupBy groupBy = null;
        if (query.groupBy() != null && !query.groupBy().isBlank()) {
            groupBy = GroupBy.fromPath(query.groupBy()).orElseThrow(() -> InvalidInputException.of("groupBy",
                    "validation.kpi.unknownGroupBy", query.groupBy(),
                    Arrays.stream(GroupBy.values()).map(GroupBy::path).collect(Collectors.joining(", "))));
        }
        List<OrgUnit> visible = units.visibleTo(actor);
        Map<Long, OrgUnit> byId = new LinkedHashMap<>();
        visible.forEach(u -> byId.put(u.id().value(), u));
        OrgUnit unit;
        if (query.unit() != null && !query.unit().isBlank()) {
            unit = visible.stream().filter(u -> u.code().equals(query.unit().trim())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("unit", "validation.kpi.unknownUnit", query.unit()));
        } else {
            unit = actor.isAdmin()
                    ? visible.stream().min(Comparator.comparingInt(OrgUnit::depth)).orElseThrow(() ->
                            InvalidInputException.of("unit", "validation.kpi.unknownUnit", ""))
                    : byId.get(actor.unitId());
            if (unit == null) {
                throw InvalidInputException.of("unit", "validation.kpi.unknownUnit", "");
            }
        }
        List<Long> unitIds = actor.isAdmin() && unit.depth() == 0 && visible.stream()
                .filter(u -> u.depth() == 0).count() == 1 ? null
                : visible.stream().filter(u -> u.isWithin(unit)).map(u -> u.id().value()).toList();
        String type = enumValue("type", query.type(), WorkOrderType.class);
        String channel = enumValue("channel", query.channel(), Channel.class);
        String category = null;
        if (query.category() != null && !query.category().isBlank()) {
            category = query.category().trim();
            String code = category;
            workOrders.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("category", "validation.kpi.unknownCategory", code));
        }
        String staff = query.staff() == null || query.staff().isBlank() ? null : query.staff().trim();
        boolean unitFigures = UNIT_ROLES.stream().anyMatch(actor::hasRole);
        if (!unitFigures) {
            if (staff != null && !staff.equals(actor.username())) {
                throw InvalidInputException.of("staff", "validation.kpi.ownNumbersOnly");
            }
            staff = actor.username();
        }
        return new KpiScope(from, to, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(), unit, unitIds, type, channel, category,
                staff, groupBy, byId, groupBy == GroupBy.TEAM ? teams(unit, byId) : KpiScope.Teams.NONE);
    }

    /** The teams of the units within {@code unit} that the caller sees, with their current members. */
    private KpiScope.Teams teams(OrgUnit unit, Map<Long, OrgUnit> byId) {
        Set<Long> unitIds = new HashSet<>();
        byId.values().stream().filter(u -> u.isWithin(unit)).forEach(u -> unitIds.add(u.id().value()));
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        for (Team team : staffDirectory.teamsIn(unitIds)) {
            members.put(team.code(), new ArrayList<>());
            names.put(team.code(), team.name());
            codes.put(team.id(), team.code());
        }
        for (StaffProfile profile : staffDirectory.inUnits(unitIds)) {
            String code = profile.teamId() == null ? null : codes.get(profile.teamId());
            if (code != null) {
                members.get(code).add(profile.username());
            }
        }
        return new KpiScope.Teams(members, names);
    }

    private static <E extends Enum<E>> String enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "validation.kpi.unknownValue", value,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    // ---- figures

    private void formulaParams(Map<String, Object> params) {
        formulaParams(params, catalog.settings(), Instant.now(clock));
    }

    /** A moment after every fact: the {@code :now} of a settled day's rollup. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** The formulas' parameters; {@code now} null for a rollup (days it covers are settled). */
    static void formulaParams(Map<String, Object> params, Map<String, String> settings, Instant now) {
        params.put("now", Timestamp.from(now == null ? END_OF_TIME : now));
        params.put("responseHours", Integer.parseInt(settings.getOrDefault("RESPONSE_HOURS", "24")));
        boolean basically = Boolean.parseBoolean(settings.getOrDefault("BASICALLY_SATISFIED_COUNTS", "true"));
        params.put("satisfiedResults", basically ? new String[] {"SATISFIED", "BASICALLY_SATISFIED"}
                : new String[] {"SATISFIED"});
    }

    /** Customers of the units (null: every unit), from the directory's per-unit counts. */
    private long customerCount(KpiScope scope, List<Long> unitIds) {
        Map<Long, Long> byUnit = customers.countsByUnit();
        if (unitIds == null) {
            return byUnit.values().stream().mapToLong(Long::longValue).sum();
        }
        return unitIds.stream().mapToLong(id -> byUnit.getOrDefault(id, 0L)).sum();
    }

    private List<KpiValue> values(List<KpiDefinition> definitions, Map<String, BigDecimal[]> figures, long customerCount,
                                  List<KpiTarget> targets, OrgUnit unit, Locale locale) {
        List<KpiValue> values = new ArrayList<>();
        for (KpiDefinition d : definitions) {
            BigDecimal[] f = figures.get(d.name());
            BigDecimal n = f == null ? BigDecimal.ZERO : f[0];
            BigDecimal den = f == null ? BigDecimal.ZERO : f[1];
            BigDecimal value;
            switch (d.measure()) {
                case COUNT -> {
                    value = n;
                    den = null;
                }
                case RATE -> value = den.signum() == 0 ? null
                        : n.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
                case PER_10K -> {
                    den = BigDecimal.valueOf(customerCount);
                    value = den.signum() == 0 ? null
                            : n.multiply(BigDecimal.valueOf(10_000)).divide(den, 2, RoundingMode.HALF_UP);
                }
                case MEAN -> {
                    n = n == null ? BigDecimal.ZERO : n.setScale(2, RoundingMode.HALF_UP);
                    value = den.signum() == 0 ? null : n.divide(den, 2, RoundingMode.HALF_UP);
                }
                case MEDIAN -> {
                    value = n == null || den.signum() == 0 ? null : n.setScale(2, RoundingMode.HALF_UP);
                    n = value;
                }
                default -> {
                    n = null;
                    den = null;
                    value = null;
                }
            }
            Optional<KpiTarget> target = targetFor(d.name(), unit, targets);
            String state = value == null ? "NO_DATA" : target.map(t -> t.stateOf(value)).orElse("NONE");
            values.add(new KpiValue(d.name(), d.label(locale), d.measure().name(), d.unit(), n, den, value,
                    target.map(KpiTarget::target).orElse(null), target.map(KpiTarget::comparison).orElse(null), state));
        }
        return values;
    }

    /** The most specific target along the unit's ancestors, else the company default. */
    static Optional<KpiTarget> targetFor(String kpi, OrgUnit unit, List<KpiTarget> targets) {
        List<String> path = unit == null ? List.of()
                : Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).toList();
        KpiTarget best = null;
        int bestDepth = -1;
        for (KpiTarget t : targets) {
            if (!t.kpi().equals(kpi)) {
                continue;
            }
            int depth = t.unitId() == null ? 0 : path.indexOf(String.valueOf(t.unitId())) + 1;
            if (t.unitId() != null && depth == 0) {
                continue;
            }
            if (depth > bestDepth) {
                best = t;
                bestDepth = depth;
            }
        }
        return Optional.ofNullable(best);
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    // ---- groups and labels

    /** The groups to show: every child unit for a UNIT split (even without orders), else the keys found, sorted. */
    private List<String> groupKeys(KpiScope scope, java.util.Set<String> found) {
        if (scope.groupBy() == GroupBy.UNIT) {
            List<String> keys = new ArrayList<>(scope.groupUnits().stream().map(OrgUnit::code).toList());
            if (found.contains(scope.unit().code()) && !keys.contains(scope.unit().code())) {
                keys.add(0, scope.unit().code());
            }
            return keys;
        }
        if (scope.groupBy().isPeriod()) {
            return periodKeys(scope);
        }
        return found.stream().sorted().toList();
    }

    /** Every day, week or month of the period, so that a trend line has no holes. */
    private static List<String> periodKeys(KpiScope scope) {
        List<String> keys = new ArrayList<>();
        LocalDate day = scope.fromDay();
        switch (scope.groupBy()) {
            case DAY -> {
                for (LocalDate d = day; !d.isAfter(scope.toDay()); d = d.plusDays(1)) {
                    keys.add(d.toString());
                }
            }
            case WEEK -> {
                LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
                for (LocalDate d = monday; !d.isAfter(scope.toDay()); d = d.plusWeeks(1)) {
                    keys.add(d.toString());
                }
            }
            default -> {
                for (YearMonth m = YearMonth.from(day); !m.isAfter(YearMonth.from(scope.toDay())); m = m.plusMonths(1)) {
                    keys.add(m.toString());
                }
            }
        }
        return keys;
    }

    private String label(KpiScope scope, String key, Locale locale) {
        return switch (scope.groupBy()) {
            case UNIT -> Optional.ofNullable(scope.unitsByCode().get(key)).map(OrgUnit::name).orElse(key);
            case TYPE -> messages.getMessage("workOrder.type." + key, null, key, locale);
            case CHANNEL -> messages.getMessage("workOrder.channel." + key, null, key, locale);
            case CATEGORY -> categoryNames(locale).getOrDefault(key, key);
            case TEAM -> KpiScope.NO_TEAM.equals(key) ? messages.getMessage("kpi.noTeam", null, key, locale)
                    : scope.teams().names().getOrDefault(key, key);
            default -> key;
        };
    }

    private Map<String, String> categoryNames(Locale locale) {
        return workOrders.categories().stream().collect(Collectors.toMap(Category::code,
                c -> "zh".equals(locale.getLanguage()) ? c.name() : c.nameEn(), (a, b) -> a));
    }
}
