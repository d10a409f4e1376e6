package org.gridcare.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcare.sla.SlaClockEngineTests.newOrderId;
import static org.gridcare.sla.SlaClockEngineTests.profile;
import static org.gridcare.sla.WorkingDaysTests.at;

/**
 * Publishing a policy version. The new versions here take effect far in the future (2090), so the
 * other tests sharing this database keep the seeded defaults.
 */
@GridCareTest
class SlaPolicyVersioningTests {

    @Autowired SlaPolicies policies;
    @Autowired SlaClockEngine engine;
    @Autowired WorkingCalendar calendar;
    @Autowired TransactionTemplate tx;

    @Test
    void anOrderStartedUnderTheOldVersionKeepsItsClocksAfterANewVersionIsPublished() {
        PolicyVersion v1 = policies.inForceAt(at("2089-12-30T10:00"));
        long before = newOrderId();
        Instant beforeStart = at("2089-12-30T10:00");
        inTx(() -> engine.start(before, profile("COMPLAINT", null, "URBAN", "APP"), beforeStart));

        PolicyVersion v2 = tx.execute(s -> policies.publish(copyWithComplaintReplyOf(v1, 2, at("2090-01-01T00:00")),
                Fixtures.admin()));
        assertThat(v2.number()).isGreaterThan(v1.number());
        assertThat(policies.inForceAt(at("2090-01-02T00:00")).id()).isEqualTo(v2.id());

        long after = newOrderId();
        Instant afterStart = at("2090-01-03T10:00");
        inTx(() -> engine.start(after, profile("COMPLAINT", null, "URBAN", "APP"), afterStart));
        WorkingDays days = calendar.workingDays();
        assertThat(engine.policyVersionOf(before)).contains(v1.id());
        assertThat(engine.policyVersionOf(after)).contains(v2.id());
        assertThat(replyDue(after, afterStart)).isEqualTo(days.endOfWorkingDaysAfter(afterStart, 2));

        // the old order's reply restarts (reopened) after v2 is in force: it still follows v1 (4 WD)
        Instant reopened = at("2090-01-08T09:00");
        inTx(() -> engine.record(before, OrderEvent.REPLIED, "REPLIED", at("2090-01-05T09:00")));
        inTx(() -> engine.record(before, OrderEvent.REOPENED, "DISPATCHED", reopened));
        List<ClockView> replies = engine.clocksOf(before, reopened).stream().filter(c -> c.name().equals("REPLY")).toList();
        assertThat(replies.get(0).dueAt()).isEqualTo(days.endOfWorkingDaysAfter(beforeStart, 4));
        assertThat(replies.get(1).dueAt()).isEqualTo(days.endOfWorkingDaysAfter(reopened, 4));
        // the preview follows the version in force at the given start
        assertThat(previewReply(beforeStart)).isEqualTo(days.endOfWorkingDaysAfter(beforeStart, 4));
        assertThat(previewReply(afterStart)).isEqualTo(days.endOfWorkingDaysAfter(afterStart, 2));
    }

    @Test
    void aVersionWithWrongRulesIsRefusedNamingTheFieldAndNothingIsSaved() {
        int versionsBefore = policies.versions().size();
        PolicyVersion v1 = policies.byNumber(1);
        List<NewPolicyVersion.RuleInput> rules = new ArrayList<>(inputs(v1));
        NewPolicyVersion.RuleInput first = rules.get(0);
        rules.set(0, new NewPolicyVersion.RuleInput(first.clockName(), "NOT_A_TYPE", null, null, null, null,
                first.startEvents(), first.stopEvents(), 0, "WEEKS", 120, first.pauseStates(), false, null, null));
        var command = new NewPolicyVersion(at("2095-01-01T00:00"), "bad", null, rules);
        assertThatThrownBy(() -> tx.execute(s -> policies.publish(command, Fixtures.admin())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactlyInAnyOrder("rules[0].orderType", "rules[0].amount", "rules[0].unit",
                                "rules[0].warningPercent"));
        var past = new NewPolicyVersion(at("2020-01-01T00:00"), "past", null, inputs(v1));
        assertThatThrownBy(() -> tx.execute(s -> policies.publish(past, Fixtures.admin())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("effectiveFrom"));
        assertThat(policies.versions()).hasSize(versionsBefore);
    }

    private Instant replyDue(long order, Instant now) {
        return engine.clocksOf(order, now).stream().filter(c -> c.name().equals("REPLY")).findFirst().orElseThrow().dueAt();
    }

    private Instant previewReply(Instant start) {
        Map<String, Instant> due = engine.preview(profile("COMPLAINT", null, "URBAN", "APP"), start).stream()
                .collect(Collectors.toMap(ClockView::name, ClockView::dueAt));
        return due.get("REPLY");
    }

    private NewPolicyVersion copyWithComplaintReplyOf(PolicyVersion from, int workingDays, Instant effectiveFrom) {
        List<NewPolicyVersion.RuleInput> rules = inputs(from).stream()
                .map(r -> "REPLY".equals(r.clockName()) && "COMPLAINT".equals(r.orderType())
                        ? new NewPolicyVersion.RuleInput(r.clockName(), r.orderType(), r.subType(), r.priority(),
                        r.areaType(), r.channel(), r.startEvents(), r.stopEvents(), workingDays, r.unit(),
                        r.warningPercent(), r.pauseStates(), r.assumed(), "test: shorter reply", r.source())
                        : r)
                .toList();
        return new NewPolicyVersion(effectiveFrom, "test version", "test", rules);
    }

    static List<NewPolicyVersion.RuleInput> inputs(PolicyVersion version, SlaPolicies policies) {
        return policies.rules(version.id()).stream()
                .map(r -> new NewPolicyVersion.RuleInput(r.clockName(), r.orderType(), r.subType(), r.priority(),
                        r.areaType(), r.channel(), r.startEvents().stream().map(Enum::name).toList(),
                        r.stopEvents().stream().map(Enum::name).toList(), r.amount(), r.unit().name(),
                        r.warningPercent(), List.copyOf(r.pauseStates()), r.assumed(), r.note(), r.source()))
                .toList();
    }

    private List<NewPolicyVersion.RuleInput> inputs(PolicyVersion version) {
        return inputs(version, policies);
    }

    private void inTx(Runnable action) {
        tx.executeWithoutResult(status -> action.run());
    }
}
