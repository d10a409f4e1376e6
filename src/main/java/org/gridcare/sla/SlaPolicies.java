package org.gridcare.sla;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SLA policy versions and their clock rules. Versions never change once published, so their
 * rules are cached per version for the life of the application.
 */
@Component
class SlaPolicies {

    static final int MAX_AMOUNT = 100_000;
    static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<Long, List<ClockRule>> rulesByVersion = new ConcurrentHashMap<>();
    /**
     * Every version, latest effective first: a handful of rows read on every order intake otherwise.
     * Re-read after {@code gridcare.sla.policy-refresh}, at once after a publish on this instance.
     */
    private final LoadingCache<Boolean, List<PolicyVersion>> versionsInEffectOrder;

    SlaPolicies(JdbcClient jdbc, Clock clock, AuditTrail audit, SlaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.versionsInEffectOrder = Caffeine.newBuilder().expireAfterWrite(properties.policyRefresh())
                .ticker(() -> clock.millis() * 1_000_000L)
                .build(all -> jdbc.sql("select * from sla_policy_version order by effective_from desc, number desc")
                        .query(SlaPolicies::version).list());
    }

    /** The version in force at {@code at}: the latest effective one (the higher number on a tie). */
    PolicyVersion inForceAt(Instant at) {
        return versionsInEffectOrder.get(true).stream().filter(v -> !v.effectiveFrom().isAfter(at)).findFirst()
                .orElseThrow(() -> new NotFoundException("SlaPolicyVersion", at.toString()));
    }

    PolicyVersion byNumber(int number) {
        return jdbc.sql("select * from sla_policy_version where number = :number").param("number", number)
                .query(SlaPolicies::version).optional()
                .orElseThrow(() -> new NotFoundException("SlaPolicyVersion", String.valueOf(number)));
    }

    List<PolicyVersion> versions() {
        return jdbc.sql("select * from sla_policy_version order by number desc").query(SlaPolicies::version).list();
    }

    List<ClockRule> rules(long versionId) {
        return rulesByVersion.computeIfAbsent(versionId, id -> jdbc.sql("""
                        select * from sla_clock_rule where policy_version_id = :version
                        order by array_position(array['FIRST_RESPONSE','DISPATCH','ARRIVAL','RESTORATION','CONTACT',
                                 'REPLY','RETURN_VISIT','CLOSE']::varchar[], clock_name),
                                 order_type nulls first, sub_type nulls first, priority nulls first,
                                 area_type nulls first, channel nulls first
                        """)
                .param("version", id)
                .query(SlaPolicies::rule).list());
    }

    /** For each clock name, the most specific rule of the version that matches the order. */
    Map<String, ClockRule> clocksFor(long versionId, OrderProfile profile) {
        Map<String, ClockRule> chosen = new LinkedHashMap<>();
        for (ClockRule rule : rules(versionId)) {
            if (rule.matches(profile)) {
                chosen.merge(rule.clockName(), rule,
                        (a, b) -> a.specificity() >= b.specificity() ? a : b);
            }
        }
        Map<String, ClockRule> ordered = new LinkedHashMap<>();
        OrderVocabulary.CLOCK_NAMES.forEach(name -> {
            if (chosen.containsKey(name)) {
                ordered.put(name, chosen.get(name));
            }
        });
        return ordered;
    }

    /** Publishes a new version with the given complete rule set. */
    @Transactional
    PolicyVersion publish(NewPolicyVersion command, Actor actor) {
        Instant now = Instant.now(clock);
        List<Violation> errors = new ArrayList<>();
        Instant effectiveFrom = effectiveFrom(command.effectiveFrom(), now, errors);
        checkText(command.note(), "note", errors);
        checkText(command.source(), "source", errors);
        List<ClockRule> rules = validRules(command.rules(), "rules", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return insertVersion(effectiveFrom, command.note(), command.source(), null, rules, actor, now);
    }

    /**
     * Publishes the clock clauses of a service standard version: a new version made of the rules in force at
     * {@code effectiveFrom} with each clause replacing the rule of the same match key (or added), in force from
     * {@code effectiveFrom}; a rule an earlier version of the same standard ({@code "<code> v…"}) set and this one
     * has no clause for gives way to the rule of before the standard, as on {@link #withdrawStandard}. The
     * clause rules carry {@code standardRef}; invalid clauses are named
     * {@code clauses[i].field}.
     */
    @Transactional
    PolicyVersion publishClauses(List<NewPolicyVersion.RuleInput> clauses, Instant requestedFrom, String standardRef,
                                 String note, Actor actor) {
        Instant now = Instant.now(clock);
        List<Violation> errors = new ArrayList<>();
        Instant effectiveFrom = effectiveFrom(requestedFrom, now, errors);
        List<ClockRule> fromStandard = validRules(clauses, "clauses", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, ClockRule> rules = new LinkedHashMap<>();
        int v = standardRef == null ? -1 : standardRef.lastIndexOf(" v");
        List<ClockRule> base = v > 0 ? withoutStandard(standardRef.substring(0, v + 2), effectiveFrom)
                : rules(inForceAt(effectiveFrom).id());
        base.forEach(rule -> rules.put(rule.key(), rule));
        fromStandard.forEach(rule -> rules.put(rule.key(), rule.fromStandard(standardRef)));
        return insertVersion(effectiveFrom, note, null, standardRef, List.copyOf(rules.values()), actor, now);
    }

    /**
     * Ends the clock rules of a service standard (its version in force was retired): when the rules in force at
     * {@code requestedFrom} (now when null) hold rules whose standard reference starts with {@code "<code> v"}, a
     * new version from then on replaces each of them by the rule of the same match key of the latest earlier
     * version that did not come from the standard (the rule in force before it), or drops it when there is none.
     * Orders already running keep their clocks. Empty when no rule in force came from the standard.
     */
    @Transactional
    java.util.Optional<PolicyVersion> withdrawStandard(String standardCode, Instant requestedFrom, String note,
                                                       Actor actor) {
        Instant now = Instant.now(clock);
        List<Violation> errors = new ArrayList<>();
        Instant effectiveFrom = effectiveFrom(requestedFrom, now, errors);
        checkText(note, "note", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String prefix = standardCode + " v";
        PolicyVersion current = inForceAt(effectiveFrom);
        List<ClockRule> inForce = rules(current.id());
        if (inForce.stream().noneMatch(r -> fromStandard(r, prefix))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(insertVersion(effectiveFrom, note, null, null,
                withoutStandard(prefix, effectiveFrom), actor, now));
    }

    /**
     * The rules in force at {@code at} (now when null) that came from the standard and that {@link #withdrawStandard}
     * would leave orders without: those with no rule of before the standard to give way to and no other rule in
     * force of the same clock name covering their match.
     */
    @Transactional(readOnly = true)
    List<ClockRule> lostOnWithdrawal(String standardCode, Instant at) {
        Instant when = at == null ? Instant.now(clock) : at;
        String prefix = standardCode + " v";
        List<ClockRule> after = withoutStandard(prefix, when);
        return rules(inForceAt(when).id()).stream()
                .filter(rule -> fromStandard(rule, prefix) && after.stream().noneMatch(other -> other.covers(rule)))
                .toList();
    }

    /**
     * The rules in force at {@code at} with each rule that came from the standard ({@code standard_ref} starting
     * with {@code prefix}) replaced by the rule of the same match key of the latest earlier version that did not
     * come from it, or left out when there is none.
     */
    private List<ClockRule> withoutStandard(String prefix, Instant at) {
        PolicyVersion current = inForceAt(at);
        List<ClockRule> inForce = rules(current.id());
        List<PolicyVersion> earlier = versionsInEffectOrder.get(true).stream()
                .filter(v -> !v.effectiveFrom().isAfter(at) && v.id() != current.id()).toList();
        List<ClockRule> rules = new ArrayList<>();
        for (ClockRule rule : inForce) {
            if (!fromStandard(rule, prefix)) {
                rules.add(rule);
                continue;
            }
            for (PolicyVersion v : earlier) {
                ClockRule before = rules(v.id()).stream().filter(r -> r.key().equals(rule.key())).findFirst()
                        .orElse(null);
                if (before != null && !fromStandard(before, prefix)) {
                    rules.add(before);
                    break;
                }
            }
        }
        return rules;
    }

    private static boolean fromStandard(ClockRule rule, String prefix) {
        return rule.standardRef() != null && rule.standardRef().startsWith(prefix);
    }

    /** Checks clauses as {@link #publishClauses} would, without publishing anything. */
    void checkClauses(List<NewPolicyVersion.RuleInput> clauses, String prefix) {
        List<Violation> errors = new ArrayList<>();
        validRules(clauses, prefix, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Instant effectiveFrom(Instant requested, Instant now, List<Violation> errors) {
        Instant effectiveFrom = requested == null ? now : requested;
        if (effectiveFrom.isBefore(now.minusSeconds(60))) {
            errors.add(new Violation("effectiveFrom", "sla.validation.policy.effectiveInPast"));
        }
        return effectiveFrom;
    }

    private PolicyVersion insertVersion(Instant effectiveFrom, String note, String source, String standardRef,
                                        List<ClockRule> rules, Actor actor, Instant now) {
        Integer number = jdbc.sql("select coalesce(max(number), 0) + 1 from sla_policy_version")
                .query(Integer.class).single();
        long id;
        try {
            id = jdbc.sql("""
                    insert into sla_policy_version (number, effective_from, note, author, source, standard_ref, created_at)
                    values (:number, :from, :note, :author, :source, :standardRef, :at) returning id
                    """)
                    .param("number", number)
                    .param("from", Timestamp.from(effectiveFrom))
                    .param("note", blankToNull(note))
                    .param("author", actor.username())
                    .param("source", blankToNull(source))
                    .param("standardRef", standardRef)
                    .param("at", Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("sla.error.policy.concurrentPublish");
        }
        for (ClockRule rule : rules) {
            insert(rule.inVersion(id));
        }
        audit.record("SLA_POLICY_PUBLISHED", "SlaPolicyVersion", String.valueOf(number),
                rules.size() + " rules, effective from " + effectiveFrom
                        + (standardRef == null ? "" : ", from standard " + standardRef));
        forgetVersionsNowAndAfterCommit();
        return byNumber(number);
    }

    /** Also after the commit: a concurrent intake may have re-read the list before the new version was visible. */
    private void forgetVersionsNowAndAfterCommit() {
        versionsInEffectOrder.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    versionsInEffectOrder.invalidateAll();
                }
            });
        }
    }

    private List<ClockRule> validRules(List<NewPolicyVersion.RuleInput> inputs, String listField,
                                       List<Violation> errors) {
        if (inputs == null || inputs.isEmpty()) {
            errors.add(new Violation(listField, "sla.validation.policy.noRules"));
            return List.of();
        }
        List<ClockRule> rules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            NewPolicyVersion.RuleInput in = inputs.get(i);
            String p = listField + "[" + i + "].";
            if (in == null) {
                errors.add(new Violation(listField + "[" + i + "]", "NotNull"));
                continue;
            }
            int before = errors.size();
            String name = required(in.clockName(), OrderVocabulary.CLOCK_NAMES, p + "clockName", errors);
            String type = optional(in.orderType(), OrderVocabulary.TYPES, p + "orderType", errors);
            String subType = optional(in.subType(), OrderVocabulary.SUB_TYPES, p + "subType", errors);
            if (subType != null && !OrderVocabulary.SUB_TYPED.equals(type)) {
                errors.add(new Violation(p + "subType", "sla.validation.subTypeWithoutType", OrderVocabulary.SUB_TYPED));
            }
            String priority = optional(in.priority(), OrderVocabulary.PRIORITIES, p + "priority", errors);
            String area = optional(in.areaType(), OrderVocabulary.AREA_TYPES, p + "areaType", errors);
            String channel = optional(in.channel(), OrderVocabulary.CHANNELS, p + "channel", errors);
            Set<OrderEvent> starts = events(in.startEvents(), p + "startEvents", errors);
            Set<OrderEvent> stops = events(in.stopEvents(), p + "stopEvents", errors);
            if (in.amount() == null || in.amount() < 1 || in.amount() > MAX_AMOUNT) {
                errors.add(new Violation(p + "amount", "sla.validation.policy.amount", MAX_AMOUNT));
            }
            DurationUnit unit = null;
            try {
                unit = DurationUnit.valueOf(in.unit() == null ? "" : in.unit().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Violation(p + "unit", "sla.validation.unknownValue", in.unit(),
                        Arrays.toString(DurationUnit.values())));
            }
            int warning = in.warningPercent() == null ? ClockRule.DEFAULT_WARNING_PERCENT : in.warningPercent();
            if (warning < 1 || warning > 100) {
                errors.add(new Violation(p + "warningPercent", "sla.validation.policy.warningPercent"));
            }
            Set<String> pauses = new LinkedHashSet<>();
            for (String state : in.pauseStates() == null ? List.of("SUSPENDED") : in.pauseStates()) {
                String s = optional(state, OrderVocabulary.STATUSES, p + "pauseStates", errors);
                if (s != null) {
                    pauses.add(s);
                }
            }
            checkText(in.note(), p + "note", errors);
            checkText(in.source(), p + "source", errors);
            if (errors.size() == before) {
                ClockRule rule = new ClockRule(null, 0, name, type, subType, priority, area, channel, starts, stops,
                        in.amount(), unit, warning, pauses, Boolean.TRUE.equals(in.assumed()),
                        blankToNull(in.note()), blankToNull(in.source()), null);
                if (!keys.add(rule.key())) {
                    errors.add(new Violation(p + "clockName", "sla.validation.policy.duplicateRule", rule.key()));
                } else {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    private static String required(String value, List<String> allowed, String field, List<Violation> errors) {
        return OrderVocabulary.checked(value, allowed, field, true, errors);
    }

    private static String optional(String value, List<String> allowed, String field, List<Violation> errors) {
        return OrderVocabulary.checked(value, allowed, field, false, errors);
    }

    private static Set<OrderEvent> events(List<String> values, String field, List<Violation> errors) {
        Set<OrderEvent> events = EnumSet.noneOf(OrderEvent.class);
        if (values == null || values.isEmpty()) {
            errors.add(new Violation(field, "NotEmpty"));
            return events;
        }
        for (String value : values) {
            try {
                events.add(OrderEvent.valueOf(value == null ? "" : value.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation(field, "sla.validation.unknownValue", value,
                        Arrays.toString(OrderEvent.values())));
            }
        }
        return events;
    }

    private static void checkText(String value, String field, List<Violation> errors) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new Violation(field, "Size", MAX_TEXT, 0));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private void insert(ClockRule rule) {
        jdbc.sql("""
                insert into sla_clock_rule (policy_version_id, clock_name, order_type, sub_type, priority, area_type,
                    channel, start_events, stop_events, amount, unit, warning_percent, pause_states, assumed, note, source,
                    standard_ref)
                values (:version, :name, :type, :subType, :priority, :area, :channel, cast(:starts as varchar[]),
                    cast(:stops as varchar[]), :amount, :unit, :warning, cast(:pauses as varchar[]), :assumed, :note, :source,
                    :standardRef)
                """)
                .param("version", rule.versionId())
                .param("name", rule.clockName())
                .param("type", rule.orderType())
                .param("subType", rule.subType())
                .param("priority", rule.priority())
                .param("area", rule.areaType())
                .param("channel", rule.channel())
                .param("starts", arrayLiteral(rule.startEvents().stream().map(Enum::name).sorted().toList()))
                .param("stops", arrayLiteral(rule.stopEvents().stream().map(Enum::name).sorted().toList()))
                .param("amount", rule.amount())
                .param("unit", rule.unit().name())
                .param("warning", rule.warningPercent())
                .param("pauses", arrayLiteral(rule.pauseStates().stream().sorted().toList()))
                .param("assumed", rule.assumed())
                .param("note", rule.note())
                .param("source", rule.source())
                .param("standardRef", rule.standardRef())
                .update();
    }

    /** Values are validated enum names, so a plain literal is safe. */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static PolicyVersion version(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(rs.getLong("id"), rs.getInt("number"), rs.getTimestamp("effective_from").toInstant(),
                rs.getString("note"), rs.getString("author"), rs.getString("source"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("standard_ref"));
    }

    private static ClockRule rule(ResultSet rs, int n) throws SQLException {
        return new ClockRule(rs.getLong("id"), rs.getLong("policy_version_id"), rs.getString("clock_name"),
                rs.getString("order_type"), rs.getString("sub_type"), rs.getString("priority"),
                rs.getString("area_type"), rs.getString("channel"),
                eventSet(rs.getArray("start_events")), eventSet(rs.getArray("stop_events")),
                rs.getInt("amount"), DurationUnit.valueOf(rs.getString("unit")), rs.getInt("warning_percent"),
                Set.copyOf(Arrays.asList(strings(rs.getArray("pause_states")))), rs.getBoolean("assumed"), rs.getString("note"),
                rs.getString("source"), rs.getString("standard_ref"));
    }

    private static Set<OrderEvent> eventSet(Array array) throws SQLException {
        Set<OrderEvent> events = EnumSet.noneOf(OrderEvent.class);
        for (String value : strings(array)) {
            events.add(OrderEvent.valueOf(value));
        }
        return events;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
