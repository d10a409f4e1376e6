package org.gridcare.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial change of a unit: null fields stay as they are. A {@code version}, when given, must match
 * the unit's current version (optimistic locking); a new {@code parentCode} moves the unit with its subtree.
 */
public record OrgUnitChanges(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "{validation.notBlank}") String name,
        OrgUnitKind kind,
        AreaType areaType,
        @Size(max = 32) String parentCode,
        Boolean enabled,
        Integer version) {
}
