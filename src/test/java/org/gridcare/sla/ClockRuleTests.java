package org.gridcare.sla;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.sla.WorkingDaysTests.at;

/** Rule matching, specificity and deadlines, without a database. */
class ClockRuleTests {

    private final WorkingDays weekdaysOnly = new WorkingDays(Map.of());

    @Test
    void aNullMatchValueMeansAnyAndAnAreaRuleIsMoreSpecificThanTheTypeRule() {
        ClockRule anyArea = rule("FAULT_REPAIR", null, null, 45, DurationUnit.MINUTES);
        ClockRule rural = rule("FAULT_REPAIR", "RURAL", null, 90, DurationUnit.MINUTES);
        OrderProfile ruralRepair = new OrderProfile("FAULT_REPAIR", null, "NORMAL", "RURAL", "APP");
        OrderProfile urbanRepair = new OrderProfile("FAULT_REPAIR", null, "NORMAL", "URBAN", "APP");
        assertThat(anyArea.matches(ruralRepair)).isTrue();
        assertThat(rural.matches(ruralRepair)).isTrue();
        assertThat(rural.matches(urbanRepair)).isFalse();
        assertThat(rural.specificity()).isGreaterThan(anyArea.specificity());
    }

    @Test
    void aTypeRuleOutranksAChannelRuleAndBothOutrankTheRuleForEveryOrder() {
        ClockRule everyOrder = rule(null, null, null, 24, DurationUnit.HOURS);
        ClockRule byChannel = rule(null, null, "GOV_12345", 7, DurationUnit.NATURAL_DAYS);
        ClockRule byType = rule("COMPLAINT", null, null, 4, DurationUnit.WORKING_DAYS);
        assertThat(byType.specificity()).isGreaterThan(byChannel.specificity());
        assertThat(byChannel.specificity()).isGreaterThan(everyOrder.specificity());
    }

    @Test
    void theWarningComesAtItsShareOfTheWholeSpan() {
        ClockRule dispatch = rule("FAULT_REPAIR", null, null, 5, DurationUnit.MINUTES);
        Instant start = at("2025-03-03T10:00");
        ClockRule.Deadline deadline = dispatch.deadlineFrom(start, weekdaysOnly);
        assertThat(deadline.dueAt()).isEqualTo(at("2025-03-03T10:05"));
        assertThat(deadline.warningAt()).isEqualTo(start.plusSeconds(240));
        // a working-day deadline warns at 80 % of the wall-clock span (Friday 10:00 → end of Monday)
        ClockRule reply = rule("CONSULTATION", null, null, 1, DurationUnit.WORKING_DAYS);
        ClockRule.Deadline friday = reply.deadlineFrom(at("2025-03-07T10:00"), weekdaysOnly);
        assertThat(friday.dueAt()).isEqualTo(at("2025-03-11T00:00"));
        assertThat(friday.warningAt()).isEqualTo(at("2025-03-10T06:48"));
    }

    @Test
    void aSuspendedClockIsExtendedByTheSuspendedTime() {
        ClockRow running = new ClockRow(1, 1, "REPLY", 1, at("2025-03-03T10:00"), at("2025-03-08T00:00"),
                at("2025-03-07T00:00"), 0, null, null, null, false, false);
        ClockRow resumed = running.pausedAt(at("2025-03-04T10:00")).resumedAt(at("2025-03-05T12:00"));
        assertThat(resumed.dueAt()).isEqualTo(at("2025-03-09T02:00"));
        assertThat(resumed.warningAt()).isEqualTo(at("2025-03-08T02:00"));
        assertThat(resumed.pausedSeconds()).isEqualTo(26 * 3600);
        assertThat(resumed.stoppedAt(at("2025-03-09T01:00")).stateAt(at("2025-03-10T00:00"))).isEqualTo(ClockState.MET);
        assertThat(resumed.stoppedAt(at("2025-03-09T03:00")).stateAt(at("2025-03-10T00:00"))).isEqualTo(ClockState.BREACHED);
    }

    private static ClockRule rule(String type, String area, String channel, int amount, DurationUnit unit) {
        return new ClockRule(1L, 1, "X", type, null, null, area, channel, Set.of(OrderEvent.ACCEPTED),
                Set.of(OrderEvent.REPLIED), amount, unit, 80, Set.of("SUSPENDED"), false, null, null, null);
    }
}
