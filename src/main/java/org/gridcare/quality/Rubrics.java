package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rubrics (质检标准): drafts that are edited, published with the moment they take effect, and superseded by
 * the next published version of their order type. Company-wide rules, so no data scope; only administrators
 * and managers change them ({@link #EDITORS}). The standards module publishes a version from a service
 * standard's clauses with {@link #publish(NewRubricVersion, Instant, String, Actor)}. Every change is audited.
 */
@Service
public class Rubrics {

    /** The roles that write rubrics. */
    public static final Set<String> EDITORS = Set.of("ADMIN", "MANAGER");
    static final String ENTITY = "RubricVersion";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final BigDecimal MAX_POINTS = new BigDecimal("100");

    private final RubricRepository rubrics;
    private final AuditTrail audit;
    private final Clock clock;

    Rubrics(RubricRepository rubrics, AuditTrail audit, Clock clock) {
        this.rubrics = rubrics;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes a new version in one step: it takes effect at {@code effectiveFrom} (now when null; never in
     * the past, so no inspection already scored changes its rubric) and supersedes the type's current version
     * from then on. {@code sourceStandardRef} names the standard it comes from (shown on the rubric screens).
     */
    @Transactional
    public RubricVersion publish(NewRubricVersion command, Instant effectiveFrom, String sourceStandardRef,
                                 Actor actor) {
        requireEditor(actor);
        check(command);
        if (sourceStandardRef != null && sourceStandardRef.length() > 200) {
            throw InvalidInputException.of("sourceStandardRef", "validation.quality.tooLong", 200);
        }
        Instant now = Instant.now(clock);
        Instant effective = effective(command.orderType(), effectiveFrom, now);
        long id = rubrics.insert(command, RubricStatus.DRAFT, null, sourceStandardRef, actor.username(), now);
        return publishLocked(id, command.orderType(), effective, sourceStandardRef, actor, now);
    }

    /**
     * Ends the rubric a service standard published for an order type (the standard was retired, or its new
     * version has no rubric clause for the type): when the type's latest published version came from the
     * standard (its source starts with {@code "<standardCode> v"}) and takes effect before {@code effectiveFrom}
     * (now when null), a new version takes over from then with the title, items and source of the type's latest
     * earlier version that did not come from the standard (the seeded default, another standard's, or one written
     * here). A type without such a version keeps its rubric: an order type always has one. Inspections keep the
     * version they were scored with.
     */
    @Transactional
    public Optional<RubricVersion> withdraw(WorkOrderType type, String standardCode, Instant effectiveFrom,
                                            Actor actor) {
        requireEditor(actor);
        String prefix = standardCode + " v";
        Instant now = Instant.now(clock);
        Instant effective = effective(type, effectiveFrom, now);
        Optional<RubricVersion> current = rubrics.lockPublished(type);
        if (current.isEmpty() || current.get().sourceStandardRef() == null
                || !current.get().sourceStandardRef().startsWith(prefix)
                || !current.get().effectiveFrom().isBefore(effective)) {
            return Optional.empty();
        }
        Optional<RubricVersion> fallback = rubrics.latestNotFrom(type, prefix);
        if (fallback.isEmpty()) {
            return Optional.empty();
        }
        RubricVersion previous = fallback.get();
        NewRubricVersion copy = new NewRubricVersion(type, previous.title(),
                "v%d → v%d（服务标准 %s 的条款停止执行）".formatted(current.get().number(), previous.number(),
                        standardCode),
                previous.items().stream().map(i -> new NewRubricVersion.Item(i.code(), i.name(), i.nameEn(),
                        i.description(), i.points(), i.severity())).toList());
        long id = rubrics.insert(copy, RubricStatus.DRAFT, null, previous.sourceStandardRef(), actor.username(), now);
        RubricVersion published = publishLocked(id, type, effective, previous.sourceStandardRef(), actor, now);
        audit.record("RUBRIC_STANDARD_WITHDRAWN", ENTITY, String.valueOf(id),
                "%s: v%d from standard %s ends at %s; v%d restores the items of v%d".formatted(type,
                        current.get().number(), current.get().sourceStandardRef(), effective, published.number(),
                        previous.number()));
        return Optional.of(published);
    }

    /** A new draft of an order type's rubric. */
    @Transactional
    public RubricVersion createDraft(NewRubricVersion command, Actor actor) {
        requireEditor(actor);
        check(command);
        Instant now = Instant.now(clock);
        long id = rubrics.insert(command, RubricStatus.DRAFT, null, null, actor.username(), now);
        RubricVersion created = get(id);
        audit.record("RUBRIC_DRAFTED", ENTITY, String.valueOf(id), "%s v%d %s, %d items, %s points".formatted(
                created.orderType(), created.number(), created.title(), created.items().size(), created.totalPoints()));
        return created;
    }

    /** Replaces a draft's title, note and items; {@code version} must be the one the caller saw. */
    @Transactional
    public RubricVersion changeDraft(long id, NewRubricVersion command, Integer version, Actor actor) {
        requireEditor(actor);
        RubricVersion found = lockDraft(id, version);
        check(command);
        if (command.orderType() != found.orderType()) {
            throw InvalidInputException.of("orderType", "validation.quality.typeFixed", found.orderType());
        }
        rubrics.replaceItems(id, command);
        RubricVersion changed = get(id);
        audit.record("RUBRIC_DRAFT_CHANGED", ENTITY, String.valueOf(id), "%s v%d, %d items, %s points".formatted(
                changed.orderType(), changed.number(), changed.items().size(), changed.totalPoints()));
        return changed;
    }

    /** Publishes a draft from {@code effectiveFrom} (now when null, never in the past). */
    @Transactional
    public RubricVersion publishDraft(long id, Instant effectiveFrom, Integer version, Actor actor) {
        requireEditor(actor);
        RubricVersion found = lockDraft(id, version);
        Instant now = Instant.now(clock);
        Instant effective = effective(found.orderType(), effectiveFrom, now);
        return publishLocked(id, found.orderType(), effective, null, actor, now);
    }

    /** Deletes a draft (published versions stay: inspections refer to them). */
    @Transactional
    public void deleteDraft(long id, Integer version, Actor actor) {
        requireEditor(actor);
        RubricVersion found = lockDraft(id, version);
        rubrics.delete(id);
        audit.record("RUBRIC_DRAFT_DELETED", ENTITY, String.valueOf(id),
                "%s v%d %s".formatted(found.orderType(), found.number(), found.title()));
    }

    @Transactional(readOnly = true)
    public RubricVersion get(long id) {
        return rubrics.find(id).map(this::view).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** Every version, optionally of one type. */
    @Transactional(readOnly = true)
    public List<RubricVersion> list(WorkOrderType type) {
        return rubrics.list(type).stream().map(this::view).toList();
    }

    /** The version of an order type in force at a moment (now when null). */
    @Transactional(readOnly = true)
    public Optional<RubricVersion> inForce(WorkOrderType type, Instant at) {
        return rubrics.inForce(type, at == null ? Instant.now(clock) : at).map(this::view);
    }

    private RubricVersion publishLocked(long id, WorkOrderType type, Instant effective, String source, Actor actor,
                                        Instant now) {
        Optional<RubricVersion> current = rubrics.lockPublished(type);
        if (current.isPresent() && !effective.isAfter(current.get().effectiveFrom())) {
            throw InvalidInputException.of("effectiveFrom", "validation.quality.effectiveAfterCurrent",
                    current.get().effectiveFrom());
        }
        current.ifPresent(c -> rubrics.supersede(c.id(), effective));
        rubrics.publish(id, effective, source, actor.username(), now);
        RubricVersion published = get(id);
        audit.record("RUBRIC_PUBLISHED", ENTITY, String.valueOf(id), "%s v%d %s, effective %s%s%s".formatted(
                type, published.number(), published.title(), effective,
                current.map(c -> ", supersedes v" + c.number()).orElse(""),
                published.sourceStandardRef() == null ? "" : ", from standard " + published.sourceStandardRef()));
        return published;
    }

    private Instant effective(WorkOrderType type, Instant effectiveFrom, Instant now) {
        Instant effective = effectiveFrom == null ? now : effectiveFrom;
        if (effective.isBefore(now)) {
            throw InvalidInputException.of("effectiveFrom", "validation.quality.effectiveInPast");
        }
        return effective;
    }

    private RubricVersion lockDraft(long id, Integer version) {
        RubricVersion found = rubrics.lock(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (found.status() != RubricStatus.DRAFT) {
            throw new ConflictException("error.quality.rubricNotDraft", found.number(), found.status());
        }
        if (version == null) {
            throw InvalidInputException.of("version", "validation.quality.required");
        }
        if (version != found.version()) {
            throw ConflictException.staleVersion(ENTITY, id);
        }
        return found;
    }

    static void requireEditor(Actor actor) {
        if (EDITORS.stream().noneMatch(actor::hasRole)) {
            throw new org.springframework.security.access.AccessDeniedException("rubrics are written by managers");
        }
    }

    private static void check(NewRubricVersion command) {
        check(command, "");
    }

    /**
     * Refuses a rubric version's content as {@link #publish} would, with every problem named {@code prefix} +
     * field ({@code items[j].points}; the standards module passes {@code clauses.rubrics[i].}).
     */
    public static void check(NewRubricVersion command, String prefix) {
        List<Violation> errors = new ArrayList<>();
        validate(command, prefix == null ? "" : prefix, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void validate(NewRubricVersion command, String p, List<Violation> errors) {
        if (command.orderType() == null) {
            errors.add(new Violation(p + "orderType", "validation.quality.required"));
        }
        if (command.title() == null || command.title().isBlank()) {
            errors.add(new Violation(p + "title", "validation.quality.required"));
        } else if (command.title().length() > 200) {
            errors.add(new Violation(p + "title", "validation.quality.tooLong", 200));
        }
        if (command.note() != null && command.note().length() > 2000) {
            errors.add(new Violation(p + "note", "validation.quality.tooLong", 2000));
        }
        if (command.items() == null || command.items().isEmpty()) {
            errors.add(new Violation(p + "items", "validation.quality.itemsRequired"));
            return;
        }
        if (command.items().size() > 50) {
            errors.add(new Violation(p + "items", "validation.quality.tooManyItems", 50));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < command.items().size(); i++) {
            NewRubricVersion.Item item = command.items().get(i);
            String at = p + "items[" + i + "].";
            if (item == null) {
                errors.add(new Violation(p + "items[" + i + "]", "validation.quality.required"));
                continue;
            }
            if (item.code() == null || !CODE.matcher(item.code().trim()).matches()) {
                errors.add(new Violation(at + "code", "validation.quality.code"));
            } else if (!codes.add(item.code().trim())) {
                errors.add(new Violation(at + "code", "validation.quality.duplicateCode", item.code().trim()));
            }
            if (item.name() == null || item.name().isBlank()) {
                errors.add(new Violation(at + "name", "validation.quality.required"));
            } else if (item.name().length() > 200) {
                errors.add(new Violation(at + "name", "validation.quality.tooLong", 200));
            }
            if (item.nameEn() != null && item.nameEn().length() > 200) {
                errors.add(new Violation(at + "nameEn", "validation.quality.tooLong", 200));
            }
            if (item.description() != null && item.description().length() > 1000) {
                errors.add(new Violation(at + "description", "validation.quality.tooLong", 1000));
            }
            if (item.points() == null || item.points().signum() <= 0 || item.points().compareTo(MAX_POINTS) > 0
                    || item.points().stripTrailingZeros().scale() > 2) {
                errors.add(new Violation(at + "points", "validation.quality.points"));
            }
            if (item.severity() == null) {
                errors.add(new Violation(at + "severity", "validation.quality.required"));
            }
        }
    }

    private RubricVersion view(RubricVersion v) {
        Instant now = Instant.now(clock);
        return new RubricVersion(v.id(), v.orderType(), v.number(), v.title(), v.note(), v.status(),
                v.effectiveFrom(), v.supersededAt(), v.sourceStandardRef(), v.inForceAt(now), v.createdBy(),
                v.createdAt(), v.publishedBy(), v.publishedAt(), v.version(), v.totalPoints(), v.items());
    }
}
