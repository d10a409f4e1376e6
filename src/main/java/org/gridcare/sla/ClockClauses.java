package org.gridcare.sla;

import java.time.Instant;
import java.util.List;

import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA side of the service standards: a standard version's clock clauses are checked while it is drafted
 * and, when it is published, become a new policy version in force from the standard's effective date (new
 * orders get the new clocks, running orders keep theirs). Each rule remembers the standard version it came from.
 */
@Component
public class ClockClauses {

    private final SlaPolicies policies;

    ClockClauses(SlaPolicies policies) {
        this.policies = policies;
    }

    /** Refuses invalid clauses with an {@code InvalidInputException} naming {@code prefix[i].field}. */
    public void check(List<ClockClause> clauses, String prefix) {
        policies.checkClauses(clauses.stream().map(ClockClause::toInput).toList(), prefix);
    }

    /**
     * Publishes the clauses as a new policy version from {@code effectiveFrom} (never in the past) and returns
     * its number: the rules in force then, each clause replacing the rule of its match; a rule an earlier version
     * of the same standard set and these clauses do not gives way to the rule of before the standard (as on
     * {@link #withdraw}). Joins the caller's transaction.
     */
    @Transactional
    public int publish(List<ClockClause> clauses, Instant effectiveFrom, String standardRef, String note,
                       Actor actor) {
        return policies.publishClauses(clauses.stream().map(ClockClause::toInput).toList(), effectiveFrom,
                standardRef, note, actor).number();
    }

    /**
     * Ends the clock rules that came from a service standard (any of its versions) from {@code effectiveFrom} (now
     * when null): a new policy version in which each such rule gives way to the rule of the same match that was in
     * force before the standard's (dropped when there was none). New orders get those clocks; orders already
     * running keep theirs. Returns the new version's number, empty when no rule in force came from the standard.
     * Joins the caller's transaction.
     */
    @Transactional
    public java.util.Optional<Integer> withdraw(String standardCode, Instant effectiveFrom, String note, Actor actor) {
        return policies.withdrawStandard(standardCode, effectiveFrom, note, actor).map(PolicyVersion::number);
    }

    /**
     * The clocks new orders would no longer get if the standard's clock rules ended now ({@link #withdraw}): each as
     * its name and match, e.g. {@code ARRIVAL (FAULT_REPAIR · URBAN)}; empty when every rule gives way to another.
     */
    public List<String> lostOnWithdrawal(String standardCode) {
        return policies.lostOnWithdrawal(standardCode, null).stream().map(ClockRule::describe).toList();
    }

    /** The values a clause may name, for the forms that edit them. */
    public Vocabulary vocabulary() {
        return new Vocabulary(OrderVocabulary.CLOCK_NAMES, OrderVocabulary.TYPES, OrderVocabulary.SUB_TYPES,
                OrderVocabulary.PRIORITIES, OrderVocabulary.AREA_TYPES, OrderVocabulary.CHANNELS,
                java.util.Arrays.stream(OrderEvent.values()).map(Enum::name).toList(),
                java.util.Arrays.stream(DurationUnit.values()).map(Enum::name).toList());
    }

    /** The names a clock clause may use. */
    public record Vocabulary(List<String> clockNames, List<String> orderTypes, List<String> subTypes,
                             List<String> priorities, List<String> areaTypes, List<String> channels,
                             List<String> events, List<String> units) {
    }
}
