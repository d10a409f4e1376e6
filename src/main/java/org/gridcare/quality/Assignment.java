package org.gridcare.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who inspects a sampled order: an inspector whose data scope holds the order's unit, never the order's own
 * handler or taker, and — when the plan says so — never one sitting in the order's own unit. ROUND_ROBIN takes
 * the next eligible inspector in turn (by username); BY_LOAD the eligible one with the fewest open inspections
 * (ties by username). An order nobody may inspect stays unassigned.
 */
final class Assignment {

    /** An inspector, their unit and the units their data scope covers. */
    record Inspector(String username, long unitId, Set<Long> scope) {
    }

    private final AssignmentMode mode;
    private final boolean excludeOwnUnit;
    private final List<Inspector> inspectors;
    private final Map<String, Integer> load;
    private int next;

    Assignment(AssignmentMode mode, boolean excludeOwnUnit, List<Inspector> inspectors, Map<String, Integer> openLoad) {
        this.mode = mode;
        this.excludeOwnUnit = excludeOwnUnit;
        List<Inspector> sorted = new ArrayList<>(inspectors);
        sorted.sort(Comparator.comparing(Inspector::username));
        this.inspectors = sorted;
        this.load = new HashMap<>(openLoad);
    }

    /** Whether an inspector may inspect an order of this unit, handled and taken by these users. */
    static boolean eligible(Inspector inspector, long unitId, String staff, String createdBy, boolean excludeOwnUnit) {
        return inspector.scope().contains(unitId) && !inspector.username().equals(staff)
                && !inspector.username().equals(createdBy) && !(excludeOwnUnit && inspector.unitId() == unitId);
    }

    Optional<String> assign(long unitId, String staff, String createdBy) {
        if (inspectors.isEmpty()) {
            return Optional.empty();
        }
        Inspector chosen = null;
        if (mode == AssignmentMode.ROUND_ROBIN) {
            for (int i = 0; i < inspectors.size(); i++) {
                int at = (next + i) % inspectors.size();
                if (eligible(inspectors.get(at), unitId, staff, createdBy, excludeOwnUnit)) {
                    chosen = inspectors.get(at);
                    next = at + 1;
                    break;
                }
            }
        } else {
            chosen = inspectors.stream().filter(x -> eligible(x, unitId, staff, createdBy, excludeOwnUnit))
                    .min(Comparator.<Inspector>comparingInt(x -> load.getOrDefault(x.username(), 0))
                            .thenComparing(Inspector::username)).orElse(null);
        }
        if (chosen == null) {
            return Optional.empty();
        }
        load.merge(chosen.username(), 1, Integer::sum);
        return Optional.of(chosen.username());
    }

    /** The load after the assignments so far, per inspector. */
    Map<String, Integer> load() {
        Map<String, Integer> result = new LinkedHashMap<>();
        inspectors.forEach(i -> result.put(i.username(), load.getOrDefault(i.username(), 0)));
        return result;
    }
}
