package org.gridcare.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schemes (考核方案): weights, targets and steps of the components and the grade bands per position, effective by
 * month. A change is a new scheme from a month after the current one — the current month and closed months keep the
 * scheme they were scored with. Changed by administrators and managers, audited.
 */
@Service
public class Schemes {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_TARGET = new BigDecimal("1000000");

    private final PerformanceRepository repo;
    private final Scorecards scorecards;
    private final AuditTrail audit;
    private final Clock clock;

    Schemes(PerformanceRepository repo, Scorecards scorecards, AuditTrail audit, Clock clock) {
        this.repo = repo;
        this.scorecards = scorecards;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every scheme, by position and month. */
    @Transactional(readOnly = true)
    public List<Scheme> all() {
        return repo.schemes();
    }

    /** The scheme in force for every position in a month (yyyy-MM; empty: the current month). */
    @Transactional(readOnly = true)
    public List<Scheme> inForce(String month) {
        YearMonth m = month == null || month.isBlank() ? scorecards.currentMonth() : parse("month", month);
        List<Scheme> schemes = repo.schemes();
        return scorecards.positions().stream().map(p -> Scorecards.schemeFor(schemes, p, m))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<String> positions() {
        return scorecards.positions();
    }

    @Transactional
    public Scheme save(NewScheme command, Actor actor) {
        Scorecards.requireManager(actor);
        String position = Scorecards.blank(command.position());
        if (position == null) {
            throw InvalidInputException.of("position", "validation.performance.required");
        }
        if (!scorecards.positions().contains(position)) {
            throw InvalidInputException.of("position", "validation.performance.unknownPosition", position);
        }
        YearMonth next = scorecards.currentMonth().plusMonths(1);
        YearMonth month = command.effectiveMonth() == null || command.effectiveMonth().isBlank() ? next
                : parse("effectiveMonth", command.effectiveMonth());
        if (month.isBefore(next)) {
            throw InvalidInputException.of("effectiveMonth", "validation.performance.notBeforeNextMonth", next);
        }
        if (repo.schemeInUse(position, month)) {
            throw new ConflictException("error.performance.schemeInUse", position, month);
        }
        GradeBands bands = bands(command);
        if (command.weights() == null || command.weights().isEmpty()) {
            throw InvalidInputException.of("weights", "validation.performance.required");
        }
        Set<ScoreComponent> seen = EnumSet.noneOf(ScoreComponent.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < command.weights().size(); i++) {
            NewScheme.Item item = command.weights().get(i);
            String field = "weights[" + i + "]";
            if (item == null || item.component() == null) {
                throw InvalidInputException.of(field + ".component", "validation.performance.required");
            }
            if (!seen.add(item.component())) {
                throw InvalidInputException.of(field + ".component", "validation.performance.duplicateComponent",
                        item.component());
            }
            check(field + ".weight", item.weight(), BigDecimal.ZERO, HUNDRED);
            check(field + ".target", item.target(), BigDecimal.ZERO, MAX_TARGET);
            check(field + ".step", item.step(), BigDecimal.ZERO, HUNDRED);
            sum = sum.add(item.weight());
        }
        if (seen.size() != ScoreComponent.values().length) {
            throw InvalidInputException.of("weights", "validation.performance.everyComponent",
                    EnumSet.complementOf(EnumSet.copyOf(seen)).stream().map(Enum::name)
                            .collect(Collectors.joining(", ")));
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw InvalidInputException.of("weights", "validation.performance.weightsSum", sum.toPlainString());
        }
        String note = Scorecards.blank(command.note());
        if (note != null && note.length() > 500) {
            throw InvalidInputException.of("note", "validation.performance.tooLong", 500);
        }
        List<Scheme.Weight> weights = command.weights().stream().map(w -> new Scheme.Weight(w.component(),
                w.weight(), w.target(), w.step())).toList();
        long id = repo.saveScheme(position, month, bands, weights, note, actor.username(), Instant.now(clock));
        audit.record("PERFORMANCE_SCHEME_SAVED", "PerformanceScheme", String.valueOf(id), "%s from %s: %s; bands A≥%s B≥%s C≥%s"
                .formatted(position, month, weights.stream().map(w -> w.component() + " " + w.weight().toPlainString()
                        + "% target " + w.target().toPlainString() + " step " + w.step().toPlainString())
                        .collect(Collectors.joining(", ")), bands.a(), bands.b(), bands.c()));
        return repo.schemes().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static GradeBands bands(NewScheme c) {
        check("gradeA", c.gradeA(), BigDecimal.ZERO, HUNDRED);
        check("gradeB", c.gradeB(), BigDecimal.ZERO, HUNDRED);
        check("gradeC", c.gradeC(), BigDecimal.ZERO, HUNDRED);
        if (c.gradeB().compareTo(c.gradeA()) >= 0) {
            throw InvalidInputException.of("gradeB", "validation.performance.bandOrder");
        }
        if (c.gradeC().compareTo(c.gradeB()) >= 0) {
            throw InvalidInputException.of("gradeC", "validation.performance.bandOrder");
        }
        return new GradeBands(c.gradeA(), c.gradeB(), c.gradeC());
    }

    private static void check(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            throw InvalidInputException.of(field, "validation.performance.required");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of(field, "validation.performance.range", min, max);
        }
    }

    private static YearMonth parse(String field, String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.performance.month", text);
        }
    }
}
