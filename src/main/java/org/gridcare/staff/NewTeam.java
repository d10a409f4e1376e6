package org.gridcare.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new team under an org unit; the leader (optional) must have a profile in that unit's subtree. */
public record NewTeam(@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
                      @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 32) String unitCode,
                      @Size(max = 100) String leaderUsername, @Size(max = 2000) String duties) {
}
