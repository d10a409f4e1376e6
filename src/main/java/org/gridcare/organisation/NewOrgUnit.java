package org.gridcare.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to add a unit to the tree. {@code parentCode} is empty only for a province company. */
public record NewOrgUnit(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "{validation.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull OrgUnitKind kind,
        @Size(max = 32) String parentCode,
        AreaType areaType) {
}
