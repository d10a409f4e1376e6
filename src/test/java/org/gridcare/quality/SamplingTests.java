package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampling and assignment rules of an inspection plan, on hand-made candidates. */
class SamplingTests {

    private static final Sampling.Targets ALL_TARGETS = new Sampling.Targets(true, true, true);

    /**
     * Staff "wang": 20 consultations, 12 repairs, 8 opinions (40 orders); staff "li": 5 consultations; plus a complaint,
     * a dissatisfied visit and a breach of wang's (targeted).
     */
    private static List<Sampling.Candidate> population() {
        List<Sampling.Candidate> c = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 20; i++) c.add(order(id++, "CONSULTATION", 10, "wang", false, false, false));
        for (int i = 0; i < 12; i++) c.add(order(id++, "FAULT_REPAIR", 10, "wang", false, false, false));
        for (int i = 0; i < 8; i++) c.add(order(id++, "OPINION", 10, "wang", false, false, false));
        for (int i = 0; i < 5; i++) c.add(order(id++, "CONSULTATION", 11, "li", false, false, false));
        c.add(order(id++, "COMPLAINT", 10, "wang", true, false, false));
        c.add(order(id++, "FAULT_REPAIR", 10, "wang", false, true, false));
        c.add(order(id, "CONSULTATION", 11, "li", false, false, true));
        return c;
    }

    private static Sampling.Candidate order(long id, String type, long unit, String staff, boolean complaint,
                                            boolean dissatisfied, boolean breached) {
        return new Sampling.Candidate(id, "N" + id, type, unit, staff, staff, complaint, dissatisfied, breached,
                Instant.parse("2025-03-10T02:00:00Z"));
    }

    @Test
    void theShareOfEachStaffMembersOrdersIsDrawnStratifiedByTypeAndTargetedOrdersAreAlwaysIncluded() {
        List<Sampling.Pick> picks = Sampling.sample(population(), new BigDecimal("10"), 1, 42L, ALL_TARGETS);

        List<Sampling.Pick> random = picks.stream().filter(p -> p.reasons().contains(Sampling.Reason.RANDOM)).toList();
        // wang: 10 % of 40 = 4, split 20:12:8 → 2, 1.2, 0.8 → 2, 1, 1 (largest remainder); li: 10 % of 5 = 0.5 → 1
        Map<String, Long> perStaff = random.stream().collect(Collectors.groupingBy(p -> p.order().staff(),
                Collectors.counting()));
        assertThat(perStaff).containsExactlyInAnyOrderEntriesOf(Map.of("wang", 4L, "li", 1L));
        Map<String, Long> wangPerType = random.stream().filter(p -> p.order().staff().equals("wang"))
                .collect(Collectors.groupingBy(p -> p.order().type(), Collectors.counting()));
        assertThat(wangPerType).containsExactlyInAnyOrderEntriesOf(Map.of("CONSULTATION", 2L, "FAULT_REPAIR", 1L,
                "OPINION", 1L));
        // the three targeted orders, with their reasons, and never drawn twice
        assertThat(picks).filteredOn(p -> !p.reasons().contains(Sampling.Reason.RANDOM))
                .extracting(p -> p.order().orderId(), Sampling.Pick::reasons)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(46L, Set.of(Sampling.Reason.COMPLAINT)),
                        org.assertj.core.groups.Tuple.tuple(47L, Set.of(Sampling.Reason.DISSATISFIED)),
                        org.assertj.core.groups.Tuple.tuple(48L, Set.of(Sampling.Reason.BREACH)));
        assertThat(picks).extracting(p -> p.order().orderId()).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndAnotherSeedAnotherOne() {
        List<Long> first = ids(Sampling.sample(population(), new BigDecimal("25"), 1, 7L, ALL_TARGETS));
        List<Long> again = ids(Sampling.sample(population(), new BigDecimal("25"), 1, 7L, ALL_TARGETS));
        assertThat(again).isEqualTo(first);
        // order of the candidates does not matter either
        List<Sampling.Candidate> reversed = new ArrayList<>(population());
        java.util.Collections.reverse(reversed);
        assertThat(ids(Sampling.sample(reversed, new BigDecimal("25"), 1, 7L, ALL_TARGETS))).isEqualTo(first);
        boolean anyDiffers = false;
        for (long seed = 8; seed < 20 && !anyDiffers; seed++) {
            anyDiffers = !ids(Sampling.sample(population(), new BigDecimal("25"), 1, seed, ALL_TARGETS)).equals(first);
        }
        assertThat(anyDiffers).as("another seed draws another sample").isTrue();
    }

    @Test
    void targetsSwitchedOffAreSampledLikeAnyOtherOrderAndTheMinimumPerStaffHolds() {
        List<Sampling.Pick> picks = Sampling.sample(population(), new BigDecimal("0"), 2,
                1L, new Sampling.Targets(false, false, false));
        assertThat(picks).allMatch(p -> p.reasons().equals(Set.of(Sampling.Reason.RANDOM)));
        assertThat(picks.stream().collect(Collectors.groupingBy(p -> p.order().staff(), Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("wang", 2L, "li", 2L));
        assertThat(Sampling.quota(3, new BigDecimal("5"), 5)).as("never more than there are").isEqualTo(3);
        assertThat(Sampling.quota(30, new BigDecimal("5"), 1)).isEqualTo(2); // 1.5 rounds half up
    }

    @Test
    void inspectorsNeverGetTheirOwnOrdersNorTheirOwnUnitsWhenExcludedAndShareTheRestInTurn() {
        var city = new Assignment.Inspector("zhao", 1, Set.of(1L, 10L, 11L));
        var stationInspector = new Assignment.Inspector("qian", 10, Set.of(10L));
        var roundRobin = new Assignment(AssignmentMode.ROUND_ROBIN, true, List.of(city, stationInspector), Map.of());
        assertThat(roundRobin.assign(10, "wang", "wang")).contains("zhao");        // qian sits in unit 10
        assertThat(roundRobin.assign(11, "li", "li")).contains("zhao");            // qian's scope lacks 11
        assertThat(roundRobin.assign(10, "zhao", "zhao")).isEmpty();               // zhao's own order
        var mixed = new Assignment(AssignmentMode.ROUND_ROBIN, false, List.of(city, stationInspector), Map.of());
        assertThat(List.of(mixed.assign(10, "wang", "wang").orElseThrow(), mixed.assign(10, "wang", "wang")
                .orElseThrow(), mixed.assign(10, "wang", "wang").orElseThrow())).containsExactly("qian", "zhao", "qian");
        assertThat(mixed.assign(10, "qian", "wang")).contains("zhao");             // qian handles it
        var byLoad = new Assignment(AssignmentMode.BY_LOAD, false, List.of(city, stationInspector),
                Map.of("qian", 3));
        assertThat(List.of(byLoad.assign(10, "w", "w").orElseThrow(), byLoad.assign(10, "w", "w").orElseThrow(),
                byLoad.assign(10, "w", "w").orElseThrow(), byLoad.assign(10, "w", "w").orElseThrow()))
                .containsExactly("zhao", "zhao", "zhao", "qian");
    }

    @Test
    void theScoreCountsPassedAndOverturnedItemsOverApplicableOnes() {
        var card = Scorecard.of(List.of(
                new Scorecard.Line(new BigDecimal("20"), FindingSeverity.ERROR, FindingResult.FAIL, null),
                new Scorecard.Line(new BigDecimal("15"), FindingSeverity.SERIOUS_ERROR, FindingResult.PASS, null),
                new Scorecard.Line(new BigDecimal("10"), FindingSeverity.ERROR, FindingResult.NOT_APPLICABLE, null),
                new Scorecard.Line(new BigDecimal("30"), FindingSeverity.ERROR, FindingResult.PASS, null)));
        assertThat(card.max()).isEqualByComparingTo("65");
        assertThat(card.earned()).isEqualByComparingTo("45");
        assertThat(card.score()).isEqualByComparingTo("69.23");
        assertThat(card.error()).isTrue();
        assertThat(card.serious()).isFalse();
        var overturned = Scorecard.of(List.of(
                new Scorecard.Line(new BigDecimal("20"), FindingSeverity.SERIOUS_ERROR, FindingResult.FAIL,
                        AppealOutcome.OVERTURNED),
                new Scorecard.Line(new BigDecimal("15"), FindingSeverity.ERROR, FindingResult.PASS, null)));
        assertThat(overturned.score()).isEqualByComparingTo("100.00");
        assertThat(overturned.error()).isFalse();
    }

    private static List<Long> ids(List<Sampling.Pick> picks) {
        return picks.stream().map(p -> p.order().orderId()).toList();
    }
}
