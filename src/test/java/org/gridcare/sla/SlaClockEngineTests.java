package org.gridcare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.sla.WorkingDaysTests.at;

/** The seeded default policy and the clock engine against the seeded calendar. */
@GridCareTest
class SlaClockEngineTests {

    /** Monday 2025-03-03 10:00 Shanghai: no holiday within three weeks. */
    static final Instant MONDAY = at("2025-03-03T10:00");

    @Autowired SlaClocks clocks;
    @Autowired TransactionTemplate tx;

    @Test
    void everyDefaultClockStartedOnAcceptance() {
        assertPreview(profile("CONSULTATION", null, "URBAN", "HOTLINE_95598"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-05T00:00"));
        assertPreview(profile("FAULT_REPAIR", null, "URBAN", "HOTLINE_95598"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "DISPATCH", "2025-03-03T10:05", "ARRIVAL", "2025-03-03T10:45"));
        assertPreview(profile("FAULT_REPAIR", null, "RURAL", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "DISPATCH", "2025-03-03T10:05", "ARRIVAL", "2025-03-03T11:30"));
        assertPreview(profile("FAULT_REPAIR", null, "REMOTE", "WECHAT"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "DISPATCH", "2025-03-03T10:05", "ARRIVAL", "2025-03-03T12:00"));
        assertPreview(profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "CONTACT", "2025-03-04T10:00", "REPLY", "2025-03-08T00:00"));
        assertPreview(profile("REPORT", null, "URBAN", "WEB"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "CONTACT", "2025-03-04T10:00", "REPLY", "2025-03-15T00:00"));
        assertPreview(profile("OPINION", null, "URBAN", "EMAIL"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-15T00:00"));
        assertPreview(profile("PRAISE", null, "URBAN", "COUNTER"), Map.of("FIRST_RESPONSE", "2025-03-04T10:00"));
        assertPreview(profile("SERVICE_APPLICATION", "RECONNECTION", "URBAN", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "RESTORATION", "2025-03-04T10:00"));
        assertPreview(profile("SERVICE_APPLICATION", "APPLIANCE_DAMAGE", "URBAN", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "ARRIVAL", "2025-03-04T10:00"));
        assertPreview(profile("SERVICE_APPLICATION", "METER_ANOMALY", "URBAN", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-08T00:00"));
        assertPreview(profile("SERVICE_APPLICATION", "READING_ANOMALY", "URBAN", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-12T00:00"));
        assertPreview(profile("SERVICE_APPLICATION", "OTHER", "URBAN", "APP"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-11T00:00"));
        assertPreview(profile("COMPLAINT", null, "URBAN", "REGULATOR_12398"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "CONTACT", "2025-03-04T10:00", "REPLY", "2025-03-08T00:00",
                        "CLOSE", "2025-03-18T00:00"));
        assertPreview(profile("CONSULTATION", null, "URBAN", "GOV_12345"),
                Map.of("FIRST_RESPONSE", "2025-03-04T10:00", "REPLY", "2025-03-05T00:00", "CLOSE", "2025-03-10T10:00"));
    }

    @Test
    void startingAGroupOfOrdersAtOnceGivesEachTheClocksOfItsOwnStartAndARetriedStartKeepsTheFirst() {
        OrderProfile repair = profile("FAULT_REPAIR", null, "RURAL", "APP");
        OrderProfile complaint = profile("COMPLAINT", null, "URBAN", "REGULATOR_12398");
        OrderProfile praise = profile("PRAISE", null, "URBAN", "COUNTER");
        long first = newOrderId();
        long second = newOrderId();
        long third = newOrderId();
        Instant later = MONDAY.plus(Duration.ofHours(1));
        // the third order was started before (a retried intake): its earlier start stands
        inTx(() -> clocks.start(third, praise, MONDAY));
        List<SlaClocks.Started> started = tx.execute(status -> clocks.startAll(List.of(
                new SlaClocks.Start(first, repair, MONDAY), new SlaClocks.Start(second, complaint, later),
                new SlaClocks.Start(third, praise, later))));

        assertThat(started).hasSize(3);
        assertThat(dueTimes(started.get(0).clocks())).isEqualTo(dueTimes(clocks.preview(repair, MONDAY)));
        assertThat(dueTimes(started.get(1).clocks())).isEqualTo(dueTimes(clocks.preview(complaint, later)))
                .containsOnlyKeys("FIRST_RESPONSE", "CONTACT", "REPLY", "CLOSE");
        assertThat(dueTimes(started.get(2).clocks())).isEqualTo(dueTimes(clocks.preview(praise, MONDAY)));
        // what was written is what was shown
        assertThat(dueTimes(clocks.clocksOf(first, MONDAY))).isEqualTo(dueTimes(started.get(0).clocks()));
        assertThat(dueTimes(clocks.clocksOf(second, later))).isEqualTo(dueTimes(started.get(1).clocks()));
        assertThat(clocks.clocksOf(third, later)).hasSize(1);
        assertThat(started).extracting(SlaClocks.Started::policyVersionId).doesNotContainNull();
    }

    @Test
    void clocksStartedAtCommitAreWrittenWithTheEndWritesAndAStartThatIsNotNewFailsTheCommit() {
        OrderProfile repair = profile("FAULT_REPAIR", null, "URBAN", "HOTLINE_95598");
        OrderProfile complaint = profile("COMPLAINT", null, "RURAL", "WECHAT");
        long first = newOrderId();
        long second = newOrderId();
        Instant later = MONDAY.plus(Duration.ofMinutes(30));
        List<SlaClocks.Started> started = tx.execute(status -> {
            List<SlaClocks.Started> shown = clocks.startAllAtCommit(List.of(new SlaClocks.Start(first, repair, MONDAY),
                    new SlaClocks.Start(second, complaint, later)));
            // not written yet: they go with the transaction's end writes
            assertThat(clocks.clocksOf(first, MONDAY)).isEmpty();
            return shown;
        });
        assertThat(dueTimes(started.get(0).clocks())).isEqualTo(dueTimes(clocks.preview(repair, MONDAY)));
        assertThat(dueTimes(started.get(1).clocks())).isEqualTo(dueTimes(clocks.preview(complaint, later)));
        assertThat(dueTimes(clocks.clocksOf(first, MONDAY))).isEqualTo(dueTimes(started.get(0).clocks()));
        assertThat(dueTimes(clocks.clocksOf(second, later))).isEqualTo(dueTimes(started.get(1).clocks()));
        assertThat(started).extracting(SlaClocks.Started::policyVersionId).doesNotContainNull();

        // the first order has clocks: starting it again (with a new one) fails the commit, and the new one gets none
        long third = newOrderId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.execute(status -> clocks.startAllAtCommit(
                        List.of(new SlaClocks.Start(third, repair, later), new SlaClocks.Start(first, repair, later)))))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(clocks.clocksOf(third, later)).isEmpty();
        assertThat(dueTimes(clocks.clocksOf(first, MONDAY))).isEqualTo(dueTimes(started.get(0).clocks()));
    }

    private static Map<String, Instant> dueTimes(List<ClockView> views) {
        return views.stream().collect(Collectors.toMap(ClockView::name, ClockView::dueAt));
    }

    @Test
    void faultRepairRestorationStartsOnArrivalAndReturnVisitOnReply() {
        for (var area : Map.of("URBAN", Duration.ofHours(3), "RURAL", Duration.ofHours(4), "REMOTE", Duration.ofHours(4))
                .entrySet()) {
            long order = newOrderId();
            inTx(() -> clocks.start(order, profile("FAULT_REPAIR", null, area.getKey(), "HOTLINE_95598"), MONDAY));
            Instant arrived = MONDAY.plus(Duration.ofMinutes(40));
            inTx(() -> clocks.record(order, OrderEvent.DISPATCHED, "DISPATCHED", MONDAY.plus(Duration.ofMinutes(3))));
            inTx(() -> clocks.record(order, OrderEvent.TAKEN, "IN_PROGRESS", MONDAY.plus(Duration.ofMinutes(10))));
            inTx(() -> clocks.record(order, OrderEvent.ARRIVED, "IN_PROGRESS", arrived));
            inTx(() -> clocks.record(order, OrderEvent.RESTORED, "IN_PROGRESS", arrived.plus(Duration.ofHours(1))));
            inTx(() -> clocks.record(order, OrderEvent.REPLIED, "REPLIED", at("2025-03-03T12:00")));
            Map<String, ClockView> views = byName(order, at("2025-03-03T13:00"));
            assertThat(views.get("RESTORATION").dueAt()).isEqualTo(arrived.plus(area.getValue()));
            assertThat(views.get("RESTORATION").state()).isEqualTo(ClockState.MET);
            assertThat(views.get("ARRIVAL").state()).isEqualTo(ClockState.MET);
            assertThat(views.get("ARRIVAL").metAt()).isEqualTo(arrived);
            assertThat(views.get("DISPATCH").state()).isEqualTo(ClockState.MET);
            assertThat(views.get("FIRST_RESPONSE").state()).isEqualTo(ClockState.MET);
            assertThat(views.get("RETURN_VISIT").dueAt()).isEqualTo(at("2025-03-05T00:00"));
            assertThat(views.get("RETURN_VISIT").state()).isEqualTo(ClockState.RUNNING);
        }
    }

    @Test
    void complaintReturnVisitStartsOnReply() {
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), MONDAY));
        inTx(() -> clocks.record(order, OrderEvent.REPLIED, "REPLIED", at("2025-03-05T09:00")));
        Map<String, ClockView> views = byName(order, at("2025-03-05T10:00"));
        assertThat(views.get("REPLY").state()).isEqualTo(ClockState.MET);
        assertThat(views.get("CONTACT").state()).isEqualTo(ClockState.BREACHED);
        assertThat(views.get("RETURN_VISIT").dueAt()).isEqualTo(at("2025-03-07T00:00"));
    }

    @Test
    void reconnectionReplyStartsWhenPowerIsRestoredAndApplianceReplyWhenTheCrewArrives() {
        long reconnection = newOrderId();
        inTx(() -> clocks.start(reconnection, profile("SERVICE_APPLICATION", "RECONNECTION", "URBAN", "APP"), MONDAY));
        inTx(() -> clocks.record(reconnection, OrderEvent.RESTORED, "IN_PROGRESS", at("2025-03-03T18:00")));
        Map<String, ClockView> views = byName(reconnection, at("2025-03-03T19:00"));
        assertThat(views.get("RESTORATION").state()).isEqualTo(ClockState.MET);
        assertThat(views.get("REPLY").startedAt()).isEqualTo(at("2025-03-03T18:00"));
        assertThat(views.get("REPLY").dueAt()).isEqualTo(at("2025-03-05T00:00"));

        long appliance = newOrderId();
        inTx(() -> clocks.start(appliance, profile("SERVICE_APPLICATION", "APPLIANCE_DAMAGE", "RURAL", "APP"), MONDAY));
        inTx(() -> clocks.record(appliance, OrderEvent.ARRIVED, "IN_PROGRESS", at("2025-03-04T11:00")));
        views = byName(appliance, at("2025-03-04T12:00"));
        assertThat(views.get("ARRIVAL").state()).isEqualTo(ClockState.BREACHED);
        assertThat(views.get("ARRIVAL").metAt()).isEqualTo(at("2025-03-04T11:00"));
        assertThat(views.get("REPLY").dueAt()).isEqualTo(at("2025-03-06T00:00"));
    }

    @Test
    void complaintReplyAcrossNationalDay2025EndsOnTheFourthWorkingDayCountingTheMakeUpSaturday() {
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), at("2025-09-30T10:00")));
        assertThat(byName(order, at("2025-09-30T11:00")).get("REPLY").dueAt()).isEqualTo(at("2025-10-14T00:00"));
    }

    @Test
    void workingDayDeadlinesAcrossSpringFestivalAndNationalDay2026() {
        assertThat(dueOf(profile("COMPLAINT", null, "URBAN", "APP"), at("2026-02-12T09:00"), "REPLY"))
                .isEqualTo(at("2026-02-26T00:00"));
        assertThat(dueOf(profile("REPORT", null, "URBAN", "APP"), at("2025-01-24T16:00"), "REPLY"))
                .isEqualTo(at("2025-02-13T00:00"));
        assertThat(dueOf(profile("OPINION", null, "URBAN", "REGULATOR_12398"), at("2026-09-18T16:00"), "CLOSE"))
                .isEqualTo(at("2026-10-10T00:00"));
        // 2026-02-28 is a make-up Saturday: a consultation accepted on Friday 02-27 is due at its end
        assertThat(dueOf(profile("CONSULTATION", null, "URBAN", "APP"), at("2026-02-27T15:00"), "REPLY"))
                .isEqualTo(at("2026-03-01T00:00"));
        // 2025-09-28 is a make-up Sunday
        assertThat(dueOf(profile("CONSULTATION", null, "URBAN", "APP"), at("2025-09-26T15:00"), "REPLY"))
                .isEqualTo(at("2025-09-29T00:00"));
    }

    @Test
    void suspensionAddsTheSuspendedTimeBackToEveryRunningClock() {
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), MONDAY));
        inTx(() -> clocks.record(order, OrderEvent.TAKEN, "IN_PROGRESS", at("2025-03-03T11:00")));
        inTx(() -> clocks.record(order, OrderEvent.SUSPENDED, "SUSPENDED", at("2025-03-04T09:00")));
        Map<String, ClockView> paused = byName(order, at("2025-03-05T09:00"));
        assertThat(paused.get("REPLY").state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.get("REPLY").pausedSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(paused.get("CONTACT").state()).isEqualTo(ClockState.MET);

        inTx(() -> clocks.record(order, OrderEvent.RESUMED, "IN_PROGRESS", at("2025-03-06T09:00")));
        Map<String, ClockView> resumed = byName(order, at("2025-03-06T10:00"));
        assertThat(resumed.get("REPLY").pausedSeconds()).isEqualTo(Duration.ofHours(48).toSeconds());
        assertThat(resumed.get("REPLY").dueAt()).isEqualTo(at("2025-03-10T00:00"));
        assertThat(resumed.get("REPLY").state()).isEqualTo(ClockState.RUNNING);

        // replied after the original due time but before the extended one: met
        inTx(() -> clocks.record(order, OrderEvent.REPLIED, "REPLIED", at("2025-03-09T12:00")));
        assertThat(byName(order, at("2025-03-09T13:00")).get("REPLY").state()).isEqualTo(ClockState.MET);
    }

    @Test
    void aLateStopIsBreachedAndAReopenedComplaintStartsANewReplyClock() {
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), MONDAY));
        inTx(() -> clocks.record(order, OrderEvent.REPLIED, "REPLIED", at("2025-03-10T09:00")));
        inTx(() -> clocks.record(order, OrderEvent.REOPENED, "DISPATCHED", at("2025-03-11T09:00")));
        List<ClockView> replies = clocks.clocksOf(order, at("2025-03-11T10:00")).stream()
                .filter(c -> c.name().equals("REPLY")).toList();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).state()).isEqualTo(ClockState.BREACHED);
        assertThat(replies.get(0).metAt()).isEqualTo(at("2025-03-10T09:00"));
        assertThat(replies.get(1).state()).isEqualTo(ClockState.RUNNING);
        assertThat(replies.get(1).dueAt()).isEqualTo(at("2025-03-18T00:00"));
    }

    @Test
    void cancellingOrMergingVoidsTheRunningClocksAndClosingJudgesThem() {
        long cancelled = newOrderId();
        inTx(() -> clocks.start(cancelled, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), MONDAY));
        inTx(() -> clocks.record(cancelled, OrderEvent.CANCELLED, "CANCELLED", at("2025-03-03T11:00")));
        assertThat(clocks.clocksOf(cancelled, at("2025-04-01T00:00")))
                .allSatisfy(c -> {
                    assertThat(c.state()).isEqualTo(ClockState.VOID);
                    assertThat(c.metAt()).isNull();
                });
        // a clock that had already run out when the order was merged away is void too, not breached
        long merged = newOrderId();
        inTx(() -> clocks.start(merged, profile("COMPLAINT", null, "URBAN", "HOTLINE_95598"), MONDAY));
        inTx(() -> clocks.record(merged, OrderEvent.MERGED, "MERGED", at("2025-03-06T11:00")));
        assertThat(clocks.clocksOf(merged, at("2025-04-01T00:00"))).extracting(ClockView::state)
                .containsOnly(ClockState.VOID);

        long closed = newOrderId();
        inTx(() -> clocks.start(closed, profile("CONSULTATION", null, "URBAN", "GOV_12345"), MONDAY));
        inTx(() -> clocks.record(closed, OrderEvent.REPLIED, "REPLIED", at("2025-03-03T10:05")));
        inTx(() -> clocks.record(closed, OrderEvent.CLOSED, "CLOSED", at("2025-03-03T10:06")));
        assertThat(clocks.clocksOf(closed, at("2025-04-01T00:00")))
                .extracting(ClockView::state).containsOnly(ClockState.MET);
    }

    @Test
    void aRunningClockShowsWarningAfterEightyPercentAndBreachedAfterItsDueTime() {
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile("FAULT_REPAIR", null, "URBAN", "HOTLINE_95598"), MONDAY));
        assertThat(byName(order, MONDAY.plus(Duration.ofMinutes(3))).get("DISPATCH").state()).isEqualTo(ClockState.RUNNING);
        assertThat(byName(order, MONDAY.plus(Duration.ofSeconds(241))).get("DISPATCH").state()).isEqualTo(ClockState.WARNING);
        assertThat(byName(order, MONDAY.plus(Duration.ofMinutes(5))).get("DISPATCH").state()).isEqualTo(ClockState.BREACHED);
    }

    // --- helpers

    static long newOrderId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52);
    }

    static OrderProfile profile(String type, String subType, String area, String channel) {
        return new OrderProfile(type, subType, "NORMAL", area, channel);
    }

    private Instant dueOf(OrderProfile profile, Instant start, String clock) {
        return clocks.preview(profile, start).stream().filter(c -> c.name().equals(clock)).findFirst()
                .orElseThrow().dueAt();
    }

    private void assertPreview(OrderProfile profile, Map<String, String> expected) {
        Map<String, Instant> due = new LinkedHashMap<>();
        expected.forEach((name, local) -> due.put(name, at(local)));
        Map<String, Instant> actual = clocks.preview(profile, MONDAY).stream()
                .collect(Collectors.toMap(ClockView::name, ClockView::dueAt));
        assertThat(actual).as(profile.toString()).isEqualTo(due);
        // the engine starts the same clocks
        long order = newOrderId();
        inTx(() -> clocks.start(order, profile, MONDAY));
        assertThat(clocks.clocksOf(order, MONDAY).stream().collect(Collectors.toMap(ClockView::name, ClockView::dueAt)))
                .as(profile.toString()).isEqualTo(due);
    }

    private Map<String, ClockView> byName(long order, Instant now) {
        Map<String, ClockView> views = new LinkedHashMap<>();
        clocks.clocksOf(order, now).forEach(c -> views.put(c.name(), c));
        return views;
    }

    private void inTx(Runnable action) {
        tx.executeWithoutResult(status -> action.run());
    }
}
