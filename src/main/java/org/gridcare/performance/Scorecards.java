package org.gridcare.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.complaint.Complaints;
import org.gridcare.complaint.StaffComplaint;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly scorecards (月度绩效): computed from the other modules' figures with the scheme of each member's position in
 * force that month ({@link ScoreCalculator}), stored, recomputed while the month is open and never after it is
 * closed; rankings, team cards, trends, the records behind each component, reviewed adjustments and recognition.
 * Visibility: everyone sees their own card; administrators, managers and supervisors the cards of their units'
 * subtree; a team leader those of the teams they lead. Every change is audited.
 */
@Service
public class Scorecards {

    static final String ENTITY = "Scorecard";
    /** The roles that see the cards of their scope. */
    static final Set<String> SCOPED_ROLES = Set.of("ADMIN", "MANAGER", "SUPERVISOR");
    /** The roles that adjust cards, review adjustments, compute on demand and edit schemes. */
    static final Set<String> MANAGERS = Set.of("ADMIN", "MANAGER");
    private static final BigDecimal MAX_ADJUSTMENT = BigDecimal.valueOf(20);

    private final PerformanceRepository repo;
    private final MonthlyFigures figures;
    private final Roster roster;
    private final TrainingCompletion training;
    private final Complaints complaints;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final PerformanceProperties properties;
    private final Clock clock;

    Scorecards(PerformanceRepository repo, MonthlyFigures figures, Roster roster, TrainingCompletion training,
               Complaints complaints, OrgUnits units, AuditTrail audit, PerformanceProperties properties, Clock clock) {
        this.repo = repo;
        this.figures = figures;
        this.roster = roster;
        this.training = training;
        this.complaints = complaints;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- months

    /** The current month (Asia/Shanghai). */
    public YearMonth currentMonth() {
        return YearMonth.from(LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE));
    }

    /** Parses {@code yyyy-MM}; empty: the current month. Never a month after the current one. */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return currentMonth();
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "validation.performance.month", text);
        }
        if (month.isAfter(currentMonth())) {
            throw InvalidInputException.of("month", "validation.performance.futureMonth", month);
        }
        if (month.getYear() < 2000) {
            throw InvalidInputException.of("month", "validation.performance.month", text);
        }
        return month;
    }

    @Transactional(readOnly = true)
    public boolean closed(YearMonth month) {
        return repo.closed(month);
    }

    /**
     * Computes (or recomputes) every member's card of an open month; a closed month answers 409. Serialised per
     * month; idempotent: the same figures give the same cards (ids and adjustments stay).
     */
    @Transactional
    public int compute(YearMonth month) {
        repo.lockMonth(month);
        if (repo.closed(month)) {
            throw new ConflictException("error.performance.monthClosed", month);
        }
        Instant now = Instant.now(clock);
        List<Roster.Member> members = roster.members();
        MonthlyFigures.Month m = figures.of(members, month);
        List<Scheme> schemes = repo.schemes();
        Map<ScoreComponent, Normalisation> normalisations = normalisations();
        Map<String, BigDecimal> adjustments = repo.approvedAdjustments(month);
        for (Roster.Member member : members) {
            Scheme scheme = schemeFor(schemes, member.position(), month);
            ScoreCalculator.Result result = ScoreCalculator.score(scheme, normalisations,
                    m.figures().getOrDefault(member.username(), Map.of()));
            BigDecimal adjustment = adjustments.getOrDefault(member.username(), BigDecimal.ZERO);
            BigDecimal total = result.total(adjustment);
            repo.upsertCard(new PerformanceRepository.CardRow(0, month, member.username(), member.userId(),
                    member.displayName(),
                    member.unitId(), scheme.position(), member.teamCode(), member.teamName(), scheme.id(),
                    result.base(), adjustment, total, scheme.bands().grade(total),
                    m.praise().getOrDefault(member.username(), 0), now, 0), result.components());
        }
        repo.removeOthers(month, members.stream().map(Roster.Member::username).toList());
        return members.size();
    }

    /** On demand (a manager): computes an open month now, audited. */
    @Transactional
    public int computeNow(YearMonth month, Actor actor) {
        requireManager(actor);
        int cards = compute(month);
        audit.record("PERFORMANCE_COMPUTED", "PerformanceMonth", month.toString(), cards + " cards (on demand)");
        return cards;
    }

    /**
     * The scheduled job's step, idempotent: recomputes the current month and the previous one while it is open, and
     * closes the previous month (a final computation, then never again) from its grace day on. Returns the months
     * closed.
     */
    @Transactional
    public List<YearMonth> runDue() {
        YearMonth current = currentMonth();
        YearMonth previous = current.minusMonths(1);
        List<YearMonth> closedNow = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
        if (!repo.closed(previous)) {
            int cards = compute(previous);
            if (today.getDayOfMonth() >= properties.closeAfterDays()) {
                repo.close(previous, cards, Instant.now(clock));
                audit.record("PERFORMANCE_MONTH_CLOSED", "PerformanceMonth", previous.toString(),
                        cards + " cards closed");
                closedNow.add(previous);
            }
        }
        compute(current);
        return closedNow;
    }

    /** Closes a month now (its final computation); used by the job and by tests that move the clock. */
    @Transactional
    public void close(YearMonth month) {
        if (!month.isBefore(currentMonth())) {
            throw InvalidInputException.of("month", "validation.performance.closeCurrent", month);
        }
        int cards = compute(month);
        repo.close(month, cards, Instant.now(clock));
        audit.record("PERFORMANCE_MONTH_CLOSED", "PerformanceMonth", month.toString(), cards + " cards closed");
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Scorecard card(long id, Actor actor) {
        PerformanceRepository.CardRow row = repo.card(id).filter(c -> visible(c, actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
        return full(row);
    }

    /** A staff member's card of a month (default: the caller's own, the current month). */
    @Transactional(readOnly = true)
    public Scorecard card(String month, String staff, Actor actor) {
        YearMonth m = month(month);
        String name = staff == null || staff.isBlank() ? actor.username() : staff.trim();
        PerformanceRepository.CardRow row = repo.card(m, name).filter(c -> visible(c, actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, name + " " + m));
        return full(row);
    }

    /**
     * The ranking (排名) of a month: the cards the caller sees, optionally within a unit's subtree, of one position or
     * one team, by total (highest first; cards without a total last); equal totals share a rank.
     */
    @Transactional(readOnly = true)
    public List<Scorecard> ranking(String month, String unitCode, String position, String team, Actor actor) {
        YearMonth m = month(month);
        Set<Long> subtree = subtree(unitCode, actor);
        String pos = blank(position);
        if (pos != null && !positions().contains(pos)) {
            throw InvalidInputException.of("position", "validation.performance.unknownPosition", pos);
        }
        String teamCode = blank(team);
        boolean closed = repo.closed(m);
        Map<Long, String[]> unitNames = new HashMap<>();
        var visible = visibility(actor);
        List<PerformanceRepository.CardRow> rows = repo.cards(m).stream().filter(visible)
                .filter(c -> subtree == null || subtree.contains(c.unitId()))
                .filter(c -> pos == null || pos.equals(c.position()))
                .filter(c -> teamCode == null || teamCode.equals(c.teamCode())).toList();
        List<Scorecard> ranked = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            PerformanceRepository.CardRow c = rows.get(i);
            if (c.total() == null) {
                ranked.add(view(c, closed, null, null, null, unitNames));
                continue;
            }
            if (previous == null || c.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = c.total();
            }
            ranked.add(view(c, closed, rank, null, null, unitNames));
        }
        return ranked;
    }

    /** The team cards of a month among the cards the caller sees, by mean total. */
    @Transactional(readOnly = true)
    public List<TeamCard> teams(String month, String unitCode, Actor actor) {
        YearMonth m = month(month);
        Set<Long> subtree = subtree(unitCode, actor);
        return teamCards(m, repo.cards(m).stream().filter(visibility(actor))
                .filter(c -> subtree == null || subtree.contains(c.unitId())).toList());
    }

    private List<TeamCard> teamCards(YearMonth m, List<PerformanceRepository.CardRow> cardsSeen) {
        List<PerformanceRepository.CardRow> rows = cardsSeen.stream().filter(c -> c.teamCode() != null).toList();
        GradeBands bands = schemeFor(repo.schemes(), Roster.DEFAULT_POSITION, m).bands();
        Map<String, List<PerformanceRepository.CardRow>> byTeam = rows.stream()
                .collect(Collectors.groupingBy(PerformanceRepository.CardRow::teamCode, LinkedHashMap::new,
                        Collectors.toList()));
        List<TeamCard> teams = new ArrayList<>();
        for (Map.Entry<String, List<PerformanceRepository.CardRow>> e : byTeam.entrySet()) {
            List<PerformanceRepository.CardRow> cards = e.getValue();
            List<BigDecimal> totals = cards.stream().map(PerformanceRepository.CardRow::total)
                    .filter(Objects::nonNull).toList();
            BigDecimal mean = totals.isEmpty() ? null : totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
            PerformanceRepository.CardRow first = cards.get(0);
            teams.add(new TeamCard(m.toString(), e.getKey(), first.teamName(), unitCode(first.unitId()),
                    cards.size(), totals.size(), mean, bands.grade(mean),
                    cards.stream().mapToInt(PerformanceRepository.CardRow::praiseCount).sum(), null));
        }
        teams.sort(Comparator.comparing(TeamCard::total, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(TeamCard::teamCode));
        List<TeamCard> ranked = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            TeamCard t = teams.get(i);
            ranked.add(new TeamCard(t.month(), t.teamCode(), t.teamName(), t.unitCode(), t.members(), t.scored(),
                    t.total(), t.grade(), t.praise(), t.total() == null ? null : i + 1));
        }
        return ranked;
    }

    /** A staff member's cards over the last {@code months} months up to {@code month} (default 12), oldest first. */
    @Transactional(readOnly = true)
    public List<Scorecard> trend(String staff, String month, Integer months, Actor actor) {
        YearMonth to = month(month);
        int n = months == null ? 12 : months;
        if (n < 1 || n > 36) {
            throw InvalidInputException.of("months", "validation.performance.months", 1, 36);
        }
        String name = staff == null || staff.isBlank() ? actor.username() : staff.trim();
        List<PerformanceRepository.CardRow> rows = repo.cardsOf(name, to.minusMonths(n - 1L), to);
        if (!name.equals(actor.username()) && (rows.isEmpty() || !visible(rows.get(rows.size() - 1), actor))) {
            throw new NotFoundException(ENTITY, name);
        }
        Map<Long, List<PerformanceRepository.ComponentValue>> components = repo.components(
                rows.stream().map(PerformanceRepository.CardRow::id).toList());
        Map<ScoreComponent, PerformanceRepository.ComponentRow> defs = componentDefs();
        Map<Long, String[]> unitNames = new HashMap<>();
        return rows.stream().map(c -> view(c, repo.closed(c.month()), null,
                components.getOrDefault(c.id(), List.of()).stream().map(v -> component(v, defs, c)).toList(), null,
                unitNames)).toList();
    }

    /** The substantiated complaints behind a card's COMPLAINTS component (those removed by an appeal included). */
    @Transactional(readOnly = true)
    public List<StaffComplaint> complaintsOf(long cardId, Actor actor) {
        PerformanceRepository.CardRow c = repo.card(cardId).filter(r -> visible(r, actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, cardId));
        return complaints.substantiatedOf(List.of(c.staff()), c.month().atDay(1), c.month().atEndOfMonth());
    }

    /**
     * The month's star staff member and star team among the cards of the caller's units' subtree — recognition is
     * shown to everyone there (names, totals and grades only, never the components).
     */
    @Transactional(readOnly = true)
    public Recognition recognition(String month, Actor actor) {
        YearMonth m = month(month);
        DataScope scope = units.scopeOf(actor);
        var visible = visibility(actor);
        List<PerformanceRepository.CardRow> rows = repo.cards(m).stream()
                .filter(c -> scope.includes(c.unitId()) || visible.test(c)).toList();
        Recognition.Star staff = rows.stream().filter(c -> "A".equals(c.grade()))
                .sorted(Comparator.comparing(PerformanceRepository.CardRow::total).reversed()
                        .thenComparing(Comparator.comparingInt(PerformanceRepository.CardRow::praiseCount).reversed())
                        .thenComparing(PerformanceRepository.CardRow::staff))
                .findFirst().map(c -> new Recognition.Star(c.staff(), c.displayName(), unitCode(c.unitId()), c.total(),
                        c.grade(), c.praiseCount())).orElse(null);
        Recognition.Star team = teamCards(m, rows).stream()
                .filter(t -> t.total() != null && t.scored() >= properties.starTeamMinMembers())
                .sorted(Comparator.comparing(TeamCard::total).reversed()
                        .thenComparing(Comparator.comparingInt(TeamCard::praise).reversed())
                        .thenComparing(TeamCard::teamCode))
                .findFirst().map(t -> new Recognition.Star(t.teamCode(), t.teamName(), t.unitCode(), t.total(),
                        t.grade(), t.praise())).orElse(null);
        return new Recognition(m.toString(), staff, team);
    }

    // ---- adjustments

    /** A manager proposes an adjustment (±points, at most 20, with a reason) of a card in their scope, not their own. */
    @Transactional
    public Scorecard.Adjustment propose(long cardId, BigDecimal points, String reason, Actor actor) {
        requireManager(actor);
        PerformanceRepository.CardRow c = repo.lockCard(cardId).filter(r -> visible(r, actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, cardId));
        if (c.staff().equals(actor.username())) {
            throw new ConflictException("error.performance.ownCard", cardId);
        }
        if (points == null) {
            throw InvalidInputException.of("points", "validation.performance.required");
        }
        if (points.signum() == 0 || points.abs().compareTo(MAX_ADJUSTMENT) > 0
                || points.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of("points", "validation.performance.adjustmentPoints", MAX_ADJUSTMENT);
        }
        String text = blank(reason);
        if (text == null) {
            throw InvalidInputException.of("reason", "validation.performance.required");
        }
        if (text.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.performance.tooLong", 1000);
        }
        long id = repo.insertAdjustment(cardId, points, text, actor.username(), Instant.now(clock));
        audit.record("PERFORMANCE_ADJUSTMENT_PROPOSED", "PerformanceAdjustment", String.valueOf(id),
                "card %d (%s %s): %s points — %s".formatted(cardId, c.staff(), c.month(), points.toPlainString(), text));
        return repo.adjustment(id).orElseThrow();
    }

    /**
     * Another manager approves or rejects a proposed adjustment (never the proposer, never the card's staff member);
     * an approval changes the card's total and grade at once, also in a closed month.
     */
    @Transactional
    public Scorecard.Adjustment review(long adjustmentId, boolean approve, Integer version, String note, Actor actor) {
        requireManager(actor);
        Scorecard.Adjustment a = repo.lockAdjustment(adjustmentId)
                .orElseThrow(() -> new NotFoundException("PerformanceAdjustment", adjustmentId));
        PerformanceRepository.CardRow c = repo.lockCard(a.scorecardId()).filter(r -> visible(r, actor))
                .orElseThrow(() -> new NotFoundException("PerformanceAdjustment", adjustmentId));
        if (version == null) {
            throw InvalidInputException.of("version", "validation.performance.required");
        }
        if (!"PROPOSED".equals(a.status())) {
            throw new ConflictException("error.performance.notProposed", adjustmentId, a.status());
        }
        if (a.proposedBy().equals(actor.username())) {
            throw new ConflictException("error.performance.secondReviewer", adjustmentId);
        }
        if (c.staff().equals(actor.username())) {
            throw new ConflictException("error.performance.ownCard", c.id());
        }
        String text = blank(note);
        if (!approve && text == null) {
            throw InvalidInputException.of("note", "validation.performance.rejectNeedsNote");
        }
        if (text != null && text.length() > 1000) {
            throw InvalidInputException.of("note", "validation.performance.tooLong", 1000);
        }
        if (version != a.version() || !repo.review(adjustmentId, version, approve ? "APPROVED" : "REJECTED",
                actor.username(), text, Instant.now(clock))) {
            throw ConflictException.staleVersion("PerformanceAdjustment", adjustmentId);
        }
        if (approve) {
            BigDecimal adjustment = repo.approvedAdjustment(c.id());
            BigDecimal total = ScoreCalculator.total(c.baseScore(), adjustment);
            Scheme scheme = repo.schemes().stream().filter(s -> s.id() == c.schemeId()).findFirst().orElseThrow();
            repo.setTotal(c.id(), adjustment, total, scheme.bands().grade(total));
        }
        audit.record(approve ? "PERFORMANCE_ADJUSTMENT_APPROVED" : "PERFORMANCE_ADJUSTMENT_REJECTED",
                "PerformanceAdjustment", String.valueOf(adjustmentId), "card %d (%s %s): %s points%s".formatted(
                        c.id(), c.staff(), c.month(), a.points().toPlainString(), text == null ? "" : " — " + text));
        return repo.adjustment(adjustmentId).orElseThrow();
    }

    /** The proposed adjustments of the cards in a manager's scope (the review queue). */
    @Transactional(readOnly = true)
    public List<Scorecard.Adjustment> pendingAdjustments(Actor actor) {
        requireManager(actor);
        var visible = visibility(actor);
        return repo.proposedAdjustments().stream()
                .filter(a -> repo.card(a.scorecardId()).filter(visible).isPresent()).toList();
    }

    // ---- schemes (read here; changed by Schemes)

    List<String> positions() {
        List<String> positions = new ArrayList<>(roster.positions());
        repo.schemes().stream().map(Scheme::position).distinct().filter(p -> !positions.contains(p))
                .forEach(positions::add);
        return positions;
    }

    /** The scheme of a position in force in a month: its own, else DEFAULT's. */
    static Scheme schemeFor(List<Scheme> schemes, String position, YearMonth month) {
        return latest(schemes, position, month).or(() -> latest(schemes, Roster.DEFAULT_POSITION, month))
                .orElseThrow(() -> InvalidInputException.of("month", "validation.performance.noScheme", month));
    }

    private static java.util.Optional<Scheme> latest(List<Scheme> schemes, String position, YearMonth month) {
        return schemes.stream().filter(s -> s.position().equals(position) && !s.effectiveMonth().isAfter(month))
                .max(Comparator.comparing(Scheme::effectiveMonth));
    }

    Map<ScoreComponent, Normalisation> normalisations() {
        Map<ScoreComponent, Normalisation> n = new EnumMap<>(ScoreComponent.class);
        repo.components().forEach(c -> n.put(c.code(), c.normalisation()));
        return n;
    }

    Map<ScoreComponent, PerformanceRepository.ComponentRow> componentDefs() {
        Map<ScoreComponent, PerformanceRepository.ComponentRow> defs = new EnumMap<>(ScoreComponent.class);
        repo.components().forEach(c -> defs.put(c.code(), c));
        return defs;
    }

    // ---- visibility and views

    boolean visible(PerformanceRepository.CardRow c, Actor actor) {
        return visibility(actor).test(c);
    }

    /**
     * Which cards the actor sees, decided once per request: their own; with a scoped role those of their units'
     * subtree; those of the members of the teams they lead (asked only when a card needs it, then remembered).
     */
    java.util.function.Predicate<PerformanceRepository.CardRow> visibility(Actor actor) {
        DataScope scope = SCOPED_ROLES.stream().anyMatch(actor::hasRole) ? units.scopeOf(actor) : null;
        java.util.concurrent.atomic.AtomicReference<Set<String>> led = new java.util.concurrent.atomic.AtomicReference<>();
        return c -> {
            if (c.staff().equals(actor.username()) || (scope != null && scope.includes(c.unitId()))) {
                return true;
            }
            if (led.get() == null) {
                led.set(roster.ledBy(actor));
            }
            return led.get().contains(c.staff());
        };
    }

    static void requireManager(Actor actor) {
        if (MANAGERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("performance adjustments, schemes and computations are for managers");
        }
    }

    private Set<Long> subtree(String unitCode, Actor actor) {
        String code = blank(unitCode);
        if (code == null) {
            return null;
        }
        DataScope scope = units.scopeOf(actor);
        OrgUnit unit = units.findByCode(code).filter(u -> scope.includes(u.id().value()))
                .orElseThrow(() -> InvalidInputException.of("unit", "validation.performance.unknownUnit", code));
        return units.subtreeIds(unit.id());
    }

    private Scorecard full(PerformanceRepository.CardRow c) {
        Map<ScoreComponent, PerformanceRepository.ComponentRow> defs = componentDefs();
        List<Scorecard.ComponentScore> components = repo.components(c.id()).stream()
                .map(v -> component(v, defs, c)).toList();
        return view(c, repo.closed(c.month()), null, components, repo.adjustments(c.id()), new HashMap<>());
    }

    private Scorecard view(PerformanceRepository.CardRow c, boolean closed, Integer rank,
                           List<Scorecard.ComponentScore> components, List<Scorecard.Adjustment> adjustments,
                           Map<Long, String[]> unitNames) {
        String[] unit = unitNames.computeIfAbsent(c.unitId(), id -> units.findById(new OrgUnitId(id))
                .map(u -> new String[] {u.code(), u.name()}).orElse(new String[] {String.valueOf(id), ""}));
        return new Scorecard(c.id(), c.month().toString(), c.staff(), c.displayName(), unit[0], unit[1], c.position(),
                c.teamCode(), c.teamName(), c.schemeId(), c.baseScore(), c.adjustment(), c.total(), c.grade(),
                c.praiseCount(), closed, c.computedAt(), rank, components, adjustments);
    }

    private Scorecard.ComponentScore component(PerformanceRepository.ComponentValue v,
                                               Map<ScoreComponent, PerformanceRepository.ComponentRow> defs,
                                               PerformanceRepository.CardRow c) {
        PerformanceRepository.ComponentRow def = defs.get(v.component());
        boolean zh = LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        BigDecimal weighted = v.points() == null ? null
                : v.weight().multiply(v.points()).divide(Normalisation.HUNDRED, 2, RoundingMode.HALF_UP);
        String[] links = links(v.component(), c);
        return new Scorecard.ComponentScore(v.component(), zh ? def.nameZh() : def.nameEn(),
                def.normalisation().name(), def.valueUnit(), v.value(), v.numerator(), v.denominator(), v.weight(),
                v.target(), v.step(), v.points(), weighted, v.points() == null ? "NO_DATA" : "DATA", links[0], links[1]);
    }

    /** The API request and the console page listing the records behind a component of a card. */
    String[] links(ScoreComponent component, PerformanceRepository.CardRow c) {
        String period = "from=" + c.month().atDay(1) + "&to=" + c.month().atEndOfMonth();
        String staff = URLEncoder.encode(c.staff(), StandardCharsets.UTF_8);
        String kpi = MonthlyFigures.KPI_OF.get(component);
        if (kpi != null) {
            String part = component == ScoreComponent.VOLUME || component == ScoreComponent.QUALITY_SCORE ? "numerator"
                    : "denominator";
            String query = "part=" + part + "&" + period + "&groupBy=staff&group=" + staff;
            return new String[] {"/api/v1/kpis/" + kpi + "/orders?" + query, "/kpis/orders?kpi=" + kpi + "&" + query};
        }
        return switch (component) {
            case COMPLAINTS -> new String[] {"/api/v1/performance/scorecards/" + c.id() + "/complaints",
                    "/performance/scorecards/" + c.id() + "#gc-perf-complaints"};
            case INCENTIVE_POINTS -> new String[] {"/api/v1/incentives/ledger?staff=" + staff + "&" + period,
                    "/incentives/ledger?staff=" + staff + "&" + period};
            case TRAINING -> new String[] {training.drillDown(c.userId(), c.month()),
                    training.consoleLink(c.userId(), c.month())};
            default -> new String[] {null, null};
        };
    }

    private String unitCode(long unitId) {
        return units.findById(new OrgUnitId(unitId)).map(OrgUnit::code).orElse(String.valueOf(unitId));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
