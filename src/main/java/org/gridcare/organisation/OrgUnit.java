package org.gridcare.organisation;

import java.time.Instant;

/**
 * A unit of the supply company. {@code path} lists the ids from the root down to this unit
 * ({@code /1/4/9/}) so that a whole subtree is one indexed prefix match.
 */
public record OrgUnit(OrgUnitId id, String code, String name, OrgUnitKind kind, AreaType areaType,
                      OrgUnitId parentId, String parentCode, String path, boolean enabled, int version,
                      Instant createdAt, Instant updatedAt) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    public boolean isWithin(OrgUnit ancestor) {
        return path.startsWith(ancestor.path());
    }
}
