package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.UserView;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitId;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards and penalties (奖惩): records proposed by GridCare from events ({@link IncentiveProposals}) or entered by a
 * supervisor or manager, each with the points and amount of its cause's rule, approved or rejected by a manager
 * (never their own), and the per-staff ledger of the approved ones. Data scope: managers, supervisors and
 * administrators see the records of their units' subtree; everyone else only their own. Every change is audited.
 */
@Service
public class Incentives {

    static final String ENTITY = "IncentiveRecord";
    /** The roles that see their scope's records and enter records by hand. */
    static final Set<String> SCOPED_ROLES = Set.of("ADMIN", "MANAGER", "SUPERVISOR");
    /** The roles that approve. */
    static final Set<String> APPROVERS = Set.of("ADMIN", "MANAGER");
    public static final Map<String, String> SORTS = sorts();
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final IncentiveRepository records;
    private final OrgUnits units;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    Incentives(IncentiveRepository records, OrgUnits units, Users users, AuditTrail audit, Clock clock) {
        this.records = records;
        this.units = units;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("proposedAt", "proposed_at");
        sorts.put("occurredAt", "occurred_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    // ---- rules

    @Transactional(readOnly = true)
    public List<IncentiveRule> rules() {
        return records.rules();
    }

    /** Changes a rule's points, amount and automatic proposal; records already made keep theirs. */
    @Transactional
    public IncentiveRule changeRule(CauseType type, Integer points, BigDecimal amount, Boolean autoPropose,
                                    Integer version, Actor actor) {
        if (APPROVERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("rules are changed by managers");
        }
        IncentiveRule rule = records.rule(type).orElseThrow(() -> new NotFoundException("IncentiveRule", type));
        checkFigures(points, amount);
        if (points == null) {
            throw InvalidInputException.of("points", "validation.incentive.required");
        }
        if (amount == null) {
            throw InvalidInputException.of("amount", "validation.incentive.required");
        }
        if (version == null) {
            throw InvalidInputException.of("version", "validation.incentive.required");
        }
        boolean auto = autoPropose == null ? rule.autoPropose() : autoPropose;
        if (!records.changeRule(type, points, amount, auto, version, actor.username(), Instant.now(clock))) {
            throw ConflictException.staleVersion("IncentiveRule", type);
        }
        audit.record("INCENTIVE_RULE_CHANGED", "IncentiveRule", type.name(), "points %d → %d, amount %s → %s, auto %s"
                .formatted(rule.points(), points, rule.amount(), amount, auto));
        return records.rule(type).orElseThrow();
    }

    // ---- records

    /** A record entered by hand by a supervisor or manager, proposed for a manager's approval. */
    @Transactional
    public IncentiveRecord create(NewIncentive command, Actor actor) {
        if (SCOPED_ROLES.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("records are entered by supervisors and managers");
        }
        if (command.causeType() == null) {
            throw InvalidInputException.of("causeType", "validation.incentive.required");
        }
        String ref = blank(command.causeRef());
        if (ref == null) {
            throw InvalidInputException.of("causeRef", "validation.incentive.required");
        }
        if (ref.length() > 100) {
            throw InvalidInputException.of("causeRef", "validation.incentive.tooLong", 100);
        }
        String note = blank(command.note());
        if (note != null && note.length() > 2000) {
            throw InvalidInputException.of("note", "validation.incentive.tooLong", 2000);
        }
        String name = blank(command.staffUsername());
        if (name == null) {
            throw InvalidInputException.of("staffUsername", "validation.incentive.required");
        }
        UserView staff;
        try {
            staff = users.get(name, actor);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("staffUsername", "validation.incentive.unknownStaff", name);
        }
        if (staff.username().equals(actor.username())) {
            throw InvalidInputException.of("staffUsername", "validation.incentive.ownRecord");
        }
        IncentiveRule rule = records.rule(command.causeType()).orElseThrow();
        checkFigures(command.points(), command.amount());
        if (command.causeType() == CauseType.OTHER && (command.points() == null || command.amount() == null)) {
            throw InvalidInputException.of(command.points() == null ? "points" : "amount",
                    "validation.incentive.otherNeedsFigures");
        }
        Instant now = Instant.now(clock);
        Instant occurred = command.occurredAt() == null ? now : command.occurredAt();
        if (occurred.isAfter(now)) {
            throw InvalidInputException.of("occurredAt", "validation.incentive.inFuture");
        }
        long unitId = units.findByCode(staff.unitCode()).map(u -> u.id().value()).orElseThrow();
        int points = command.points() == null ? rule.points() : command.points();
        BigDecimal amount = command.amount() == null ? rule.amount() : command.amount();
        long id = records.insert(staff.username(), unitId, command.causeType(), ref, points, amount, note, occurred,
                actor.username(), now).orElseThrow(() ->
                new ConflictException("error.incentive.duplicate", command.causeType(), ref, staff.username()));
        audit.record("INCENTIVE_PROPOSED", ENTITY, String.valueOf(id), "%s %s for %s: %d points, %s 元".formatted(
                command.causeType(), ref, staff.username(), points, amount));
        return get(id, actor);
    }

    /**
     * A proposal GridCare makes from an event (no signed-in user): the cause's rule gives the figures; nothing when
     * the rule proposes nothing automatically or an active record of the same cause and staff member exists.
     */
    @Transactional
    public Optional<Long> propose(CauseType type, String staff, long unitId, String ref, Instant occurredAt,
                                  String note) {
        IncentiveRule rule = records.rule(type).orElseThrow();
        if (!rule.autoPropose()) {
            return Optional.empty();
        }
        Optional<Long> id = records.insert(staff, unitId, type, ref, rule.points(), rule.amount(), note, occurredAt,
                "system", Instant.now(clock));
        id.ifPresent(created -> audit.record("INCENTIVE_PROPOSED", ENTITY, String.valueOf(created),
                "%s %s for %s: %d points, %s 元 (automatic)".formatted(type, ref, staff, rule.points(), rule.amount())));
        return id;
    }

    /**
     * The cause of the active records of {@code ref} fell away (an appeal overturned the finding): proposals are
     * withdrawn; approved records are reversed by a proposal of the opposite figures for the manager to approve.
     */
    @Transactional
    public void causeFellAway(String ref, String reason) {
        Instant now = Instant.now(clock);
        for (IncentiveRepository.Row row : records.activeOfCause(ref)) {
            if (row.status() == IncentiveStatus.PROPOSED) {
                records.decide(row.id(), row.version(), IncentiveStatus.WITHDRAWN, "system", reason, now);
                audit.record("INCENTIVE_WITHDRAWN", ENTITY, String.valueOf(row.id()), reason);
            } else {
                records.insert(row.staff(), row.unitId(), row.causeType(), ref + ":reversal", -row.points(),
                        row.amount().negate(), reason, now, "system", now).ifPresent(id -> audit.record(
                        "INCENTIVE_PROPOSED", ENTITY, String.valueOf(id), "reversal of record %d: %s"
                                .formatted(row.id(), reason)));
            }
        }
    }

    /** The active records of a cause reference (the quality listener asks which cause type stands). */
    @Transactional(readOnly = true)
    List<IncentiveRepository.Row> activeOfCause(String ref) {
        return records.activeOfCause(ref);
    }

    /** A manager approves or rejects a proposal in their scope, never one of their own. */
    @Transactional
    public IncentiveRecord decide(long id, boolean approve, Integer version, String note, Actor actor) {
        if (APPROVERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("records are approved by managers");
        }
        IncentiveRepository.Row row = records.lock(id).filter(r -> units.scopeOf(actor).includes(r.unitId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (version == null) {
            throw InvalidInputException.of("version", "validation.incentive.required");
        }
        if (row.status() != IncentiveStatus.PROPOSED) {
            throw new ConflictException("error.incentive.notProposed", id, row.status());
        }
        if (row.staff().equals(actor.username())) {
            throw new ConflictException("error.incentive.ownRecord", id);
        }
        String text = blank(note);
        if (!approve && text == null) {
            throw InvalidInputException.of("note", "validation.incentive.rejectNeedsNote");
        }
        if (text != null && text.length() > 2000) {
            throw InvalidInputException.of("note", "validation.incentive.tooLong", 2000);
        }
        if (version != row.version() || !records.decide(id, version, approve ? IncentiveStatus.APPROVED
                : IncentiveStatus.REJECTED, actor.username(), text, Instant.now(clock))) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        audit.record(approve ? "INCENTIVE_APPROVED" : "INCENTIVE_REJECTED", ENTITY, String.valueOf(id),
                "%s %s for %s: %d points, %s 元%s".formatted(row.causeType(), row.causeRef(), row.staff(),
                        row.points(), row.amount(), text == null ? "" : " — " + text));
        return get(id, actor);
    }

    @Transactional(readOnly = true)
    public IncentiveRecord get(long id, Actor actor) {
        IncentiveRepository.Row row = records.find(id).filter(r -> visible(r, actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
        return view(row, new HashMap<>());
    }

    @Transactional(readOnly = true)
    public PageResult<IncentiveRecord> find(IncentiveStatus status, CauseType type, String staff, LocalDate from,
                                            LocalDate to, PageQuery page, Actor actor) {
        var filter = new IncentiveRepository.Filter(status, type, blank(staff),
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        Map<Long, String> codes = new HashMap<>();
        return records.find(filter, units.scopeOf(actor), ownOnly(actor) ? actor.username() : null, page)
                .map(r -> view(r, codes));
    }

    /**
     * A staff member's ledger for a period (Asia/Shanghai days, at most three years): staff see their own only,
     * managers and supervisors those of their scope.
     */
    @Transactional(readOnly = true)
    public Ledger ledger(String staff, LocalDate from, LocalDate to, Actor actor) {
        String name = blank(staff) == null ? actor.username() : staff.trim();
        if (ownOnly(actor) && !name.equals(actor.username())) {
            throw new NotFoundException("Ledger", name);
        }
        if (!name.equals(actor.username())) {
            try {
                users.get(name, actor);
            } catch (NotFoundException e) {
                throw new NotFoundException("Ledger", name);
            }
        }
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "validation.incentive.required");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "validation.incentive.toBeforeFrom");
        }
        if (ChronoUnit.DAYS.between(from, to) > 3 * 366) {
            throw InvalidInputException.of("from", "validation.incentive.periodTooLong");
        }
        List<IncentiveRepository.Row> rows = records.ofStaff(name, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        Map<Long, String> codes = new HashMap<>();
        List<IncentiveRecord> approved = rows.stream().filter(r -> r.status() == IncentiveStatus.APPROVED)
                .map(r -> view(r, codes)).toList();
        int points = approved.stream().mapToInt(IncentiveRecord::points).sum();
        BigDecimal amount = approved.stream().map(IncentiveRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int rewards = (int) approved.stream().filter(r -> r.points() > 0 || r.amount().signum() > 0).count();
        int penalties = (int) approved.stream().filter(r -> r.points() < 0 || r.amount().signum() < 0).count();
        int pending = (int) rows.stream().filter(r -> r.status() == IncentiveStatus.PROPOSED).count();
        return new Ledger(name, from, to, points, amount, rewards, penalties, pending, approved);
    }

    /**
     * The approved totals of many staff members for a period, for modules that score performance. No data scope:
     * the calling module applies its own.
     */
    @Transactional(readOnly = true)
    public List<Ledger.Totals> totals(Collection<String> staff, LocalDate from, LocalDate to) {
        return records.totals(staff, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    /**
     * As {@link #totals}, counting only the approved records of one cause type — e.g. the praise orders (PRAISE_ORDER)
     * credited to each staff member, for recognition.
     */
    @Transactional(readOnly = true)
    public List<Ledger.Totals> totalsOfCause(CauseType cause, Collection<String> staff, LocalDate from, LocalDate to) {
        return records.totals(staff, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(), cause);
    }

    // ---- helpers

    static boolean ownOnly(Actor actor) {
        return SCOPED_ROLES.stream().noneMatch(actor::hasRole);
    }

    private boolean visible(IncentiveRepository.Row row, Actor actor) {
        return ownOnly(actor) ? row.staff().equals(actor.username()) : units.scopeOf(actor).includes(row.unitId());
    }

    private static void checkFigures(Integer points, BigDecimal amount) {
        if (points != null && (points < -1000 || points > 1000)) {
            throw InvalidInputException.of("points", "validation.incentive.points");
        }
        if (amount != null && (amount.abs().compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw InvalidInputException.of("amount", "validation.incentive.amount");
        }
    }

    private IncentiveRecord view(IncentiveRepository.Row r, Map<Long, String> codes) {
        String code = codes.computeIfAbsent(r.unitId(), id -> units.findById(new OrgUnitId(id)).map(OrgUnit::code)
                .orElse(String.valueOf(id)));
        return new IncentiveRecord(r.id(), r.staff(), code, r.causeType(), r.causeRef(), r.points(), r.amount(),
                r.note(), r.status(), r.occurredAt(), r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(),
                r.decisionNote(), r.version());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
