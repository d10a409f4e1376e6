package org.gridcare.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sampling rule of an inspection plan, a pure function of its inputs. Targeted orders (complaints,
 * dissatisfied visits, breaches, as the plan asks) are always taken. Of each staff member's other orders,
 * {@code round-half-up(share × n)} are drawn (at least {@code minPerStaff} while there are that many), split over
 * the order types in proportion to their counts (largest remainder, ties by type name), and drawn in each
 * type by a shuffle seeded from the plan's seed, the staff member and the type — the same seed gives the same
 * sample, and one staff member's orders do not change another's draw.
 */
final class Sampling {

    /** Why an order is inspected. */
    enum Reason { RANDOM, COMPLAINT, DISSATISFIED, BREACH }

    /** A closed order that may be sampled; {@code staff} is whose work it is (its handler, else its taker). */
    record Candidate(long orderId, String number, String type, long unitId, String staff, String createdBy,
                     boolean complaint, boolean dissatisfied, boolean breached, java.time.Instant closedAt) {
    }

    /** A sampled order and why. */
    record Pick(Candidate order, Set<Reason> reasons) {
    }

    /** What the plan targets besides the random share. */
    record Targets(boolean complaints, boolean dissatisfied, boolean breaches) {
    }

    private Sampling() {
    }

    static List<Pick> sample(List<Candidate> candidates, BigDecimal sharePercent, int minPerStaff, long seed,
                             Targets targets) {
        List<Pick> picks = new ArrayList<>();
        Map<String, List<Candidate>> rest = new TreeMap<>();
        for (Candidate c : candidates) {
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            if (targets.complaints() && c.complaint()) {
                reasons.add(Reason.COMPLAINT);
            }
            if (targets.dissatisfied() && c.dissatisfied()) {
                reasons.add(Reason.DISSATISFIED);
            }
            if (targets.breaches() && c.breached()) {
                reasons.add(Reason.BREACH);
            }
            if (reasons.isEmpty()) {
                rest.computeIfAbsent(c.staff(), s -> new ArrayList<>()).add(c);
            } else {
                picks.add(new Pick(c, reasons));
            }
        }
        for (Map.Entry<String, List<Candidate>> staff : rest.entrySet()) {
            List<Candidate> orders = staff.getValue();
            int quota = quota(orders.size(), sharePercent, minPerStaff);
            Map<String, List<Candidate>> byType = new TreeMap<>();
            orders.forEach(c -> byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c));
            Map<String, Integer> allocation = allocate(quota, byType);
            for (Map.Entry<String, List<Candidate>> stratum : byType.entrySet()) {
                List<Candidate> pool = new ArrayList<>(stratum.getValue());
                pool.sort(Comparator.comparingLong(Candidate::orderId));
                Collections.shuffle(pool, new Random(mix(seed, staff.getKey(), stratum.getKey())));
                pool.stream().limit(allocation.get(stratum.getKey()))
                        .forEach(c -> picks.add(new Pick(c, EnumSet.of(Reason.RANDOM))));
            }
        }
        picks.sort(Comparator.comparingLong(p -> p.order().orderId()));
        return picks;
    }

    /** How many of a staff member's {@code n} orders are drawn. */
    static int quota(int n, BigDecimal sharePercent, int minPerStaff) {
        int byShare = BigDecimal.valueOf(n).multiply(sharePercent).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP).intValue();
        return Math.min(n, Math.max(byShare, Math.min(minPerStaff, n)));
    }

    /** Splits the quota over the types in proportion to their counts: largest remainder, ties by type name. */
    static Map<String, Integer> allocate(int quota, Map<String, List<Candidate>> byType) {
        int total = byType.values().stream().mapToInt(List::size).sum();
        Map<String, Integer> allocation = new LinkedHashMap<>();
        List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, List<Candidate>> e : byType.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf((long) quota * e.getValue().size())
                    .divide(BigDecimal.valueOf(total), 10, RoundingMode.DOWN);
            int floor = exact.intValue();
            allocation.put(e.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(e.getKey(), exact.subtract(BigDecimal.valueOf(floor))));
        }
        remainders.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < quota && i < remainders.size(); i++, given++) {
            allocation.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        return allocation;
    }

    private static long mix(long seed, String staff, String type) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= (staff + '\u0000' + type).hashCode() * 0xC2B2AE3D27D4EB4FL;
        return h ^ (h >>> 31);
    }
}
