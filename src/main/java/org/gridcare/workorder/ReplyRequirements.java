package org.gridcare.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reply to an order of a type must contain (答复要素), as published by the service standards. A set of
 * elements per order type is in force from its effective moment; when a handler replies, a reply that lacks an
 * element of the set in force is refused naming that element.
 */
@Component
public class ReplyRequirements {

    static final int MAX_ELEMENTS = 20;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ReplyRequirements(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One required element: present when the reply contains one of the keywords (case and spaces ignored). */
    public record ReplyElement(String code, String label, List<String> keywords) {

        public ReplyElement {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        boolean presentIn(String reply) {
            String text = normalised(reply);
            return keywords.stream().anyMatch(k -> text.contains(normalised(k)));
        }
    }

    /** The order types a set may be published for. */
    public List<String> orderTypes() {
        return Arrays.stream(WorkOrderType.values()).map(Enum::name).toList();
    }

    /** Refuses an invalid element list with violations named {@code prefix[i].field}. */
    public void check(String orderType, List<ReplyElement> elements, String typeField, String prefix) {
        List<Violation> errors = new ArrayList<>();
        validate(orderType, elements, typeField, prefix, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void validate(String orderType, List<ReplyElement> elements, String typeField, String prefix,
                          List<Violation> errors) {
        if (orderType == null || orderTypes().stream().noneMatch(orderType::equals)) {
            errors.add(new Violation(typeField, "validation.workOrder.replyRequirement.type", orderType,
                    String.join(", ", orderTypes())));
        }
        if (elements.size() > MAX_ELEMENTS) {
            errors.add(new Violation(prefix, "validation.workOrder.replyRequirement.tooMany", MAX_ELEMENTS));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            ReplyElement e = elements.get(i);
            String p = prefix + "[" + i + "].";
            if (e.code() == null || !CODE.matcher(e.code()).matches()) {
                errors.add(new Violation(p + "code", "validation.workOrder.replyRequirement.code"));
            } else if (!codes.add(e.code())) {
                errors.add(new Violation(p + "code", "validation.workOrder.replyRequirement.duplicate", e.code()));
            }
            if (e.label() == null || e.label().isBlank() || e.label().length() > 100) {
                errors.add(new Violation(p + "label", "validation.workOrder.replyRequirement.label", 100));
            }
            if (e.keywords().isEmpty() || e.keywords().stream()
                    .anyMatch(k -> k == null || normalised(k).isEmpty() || k.length() > 50)) {
                errors.add(new Violation(p + "keywords", "validation.workOrder.replyRequirement.keywords", 50));
            }
        }
    }

    /**
     * Publishes the set for {@code orderType}, in force from {@code effectiveFrom} (now when null) until a later
     * set replaces it; {@code source} names the standard version. Joins the caller's transaction.
     */
    @Transactional
    public void publish(String orderType, List<ReplyElement> elements, Instant effectiveFrom, String source,
                        Actor actor) {
        check(orderType, elements, "orderType", "elements");
        Instant now = Instant.now(clock);
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        long setId = jdbc.sql("""
                insert into work_order_reply_rule_set (order_type, effective_from, source, created_by, created_at)
                values (:type, :from, :source, :by, :now) returning id
                """)
                .param("type", orderType).param("from", Timestamp.from(from)).param("source", source)
                .param("by", actor.username()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        for (int i = 0; i < elements.size(); i++) {
            ReplyElement e = elements.get(i);
            jdbc.sql("""
                    insert into work_order_reply_element (rule_set_id, position, code, label, keywords)
                    values (:set, :position, :code, :label, :keywords)
                    """)
                    .param("set", setId).param("position", i).param("code", e.code()).param("label", e.label().trim())
                    .param("keywords", e.keywords().stream().map(String::trim).toArray(String[]::new))
                    .update();
        }
        audit.record("REPLY_REQUIREMENTS_PUBLISHED", "ReplyRequirements", orderType,
                elements.size() + " elements from " + from + (source == null ? "" : ", standard " + source));
    }

    /**
     * Ends the requirements a service standard published for {@code orderType} (the standard was retired, or its
     * new version has none for the type): when the set in force at {@code effectiveFrom} (now when null) came
     * from the standard (its source starts with {@code "<standardCode> v"}), the set of the latest earlier set
     * that did not come from it is published again from then on, with that set's source — or an empty set
     * (no requirement) when there is none. Returns whether anything changed. Joins the caller's transaction.
     */
    @Transactional
    public boolean withdraw(String orderType, String standardCode, Instant effectiveFrom, Actor actor) {
        Instant at = effectiveFrom == null ? Instant.now(clock) : effectiveFrom;
        String prefix = standardCode + " v";
        List<RuleSet> sets = jdbc.sql("""
                select id, source from work_order_reply_rule_set where order_type = :type and effective_from <= :at
                order by effective_from desc, id desc
                """)
                .param("type", orderType).param("at", Timestamp.from(at))
                .query((rs, n) -> new RuleSet(rs.getLong("id"), rs.getString("source"))).list();
        if (sets.isEmpty() || !sets.get(0).from(prefix)) {
            return false;
        }
        Optional<RuleSet> previous = sets.stream().filter(set -> !set.from(prefix)).findFirst();
        List<ReplyElement> elements = previous.map(set -> jdbc.sql("""
                select code, label, keywords from work_order_reply_element where rule_set_id = :set order by position
                """).param("set", set.id()).query((rs, n) -> new ReplyElement(rs.getString("code"),
                        rs.getString("label"), List.of((String[]) rs.getArray("keywords").getArray()))).list())
                .orElse(List.of());
        String source = previous.map(RuleSet::source).orElse(null);
        publish(orderType, elements, at, source == null ? standardCode + " withdrawn" : source, actor);
        return true;
    }

    private record RuleSet(long id, String source) {

        boolean from(String prefix) {
            return source != null && source.startsWith(prefix);
        }
    }

    /** The elements a reply to an order of {@code orderType} must contain at {@code at}. */
    public List<ReplyElement> inForce(String orderType, Instant at) {
        return jdbc.sql("""
                select e.code, e.label, e.keywords from work_order_reply_element e
                where e.rule_set_id = (select s.id from work_order_reply_rule_set s
                                       where s.order_type = :type and s.effective_from <= :at
                                       order by s.effective_from desc, s.id desc limit 1)
                order by e.position
                """)
                .param("type", orderType).param("at", Timestamp.from(at))
                .query((rs, n) -> new ReplyElement(rs.getString("code"), rs.getString("label"),
                        List.of((String[]) rs.getArray("keywords").getArray())))
                .list();
    }

    /** The first required element the reply lacks, if any. */
    public Optional<ReplyElement> missingFrom(String orderType, String reply, Instant at) {
        return inForce(orderType, at).stream().filter(e -> !e.presentIn(reply)).findFirst();
    }

    /** Refuses a reply without a required element: a 400 on {@code replyText} naming the element. */
    void refuseIncomplete(WorkOrderType type, String reply, Instant at) {
        if (reply == null || reply.isBlank()) {
            return;
        }
        missingFrom(type.name(), reply, at).ifPresent(e -> {
            throw InvalidInputException.of("replyText", "validation.workOrder.replyMissingElement", e.label(),
                    String.join("、", e.keywords()));
        });
    }

    private static String normalised(String text) {
        return text == null ? "" : SPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
