package org.gridcare.organisation;

import java.util.Set;

/**
 * The organisation units whose records a user may see and act on: their own unit's subtree, or
 * everything for an administrator. Every module filters its queries through one of these, e.g.
 * {@code where (:allUnits or unit_id = any(:scopeUnits))} with {@link #all()} and {@link #unitIdArray()}.
 */
public record DataScope(boolean all, Set<Long> unitIds) {

    public DataScope {
        unitIds = Set.copyOf(unitIds);
    }

    public static DataScope unrestricted() {
        return new DataScope(true, Set.of());
    }

    public boolean includes(long unitId) {
        return all || unitIds.contains(unitId);
    }

    public Long[] unitIdArray() {
        return unitIds.toArray(Long[]::new);
    }
}
