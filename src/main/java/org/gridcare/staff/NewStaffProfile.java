package org.gridcare.staff;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new profile for an existing user. {@code teamCode} (optional) must be a team of the user's unit or one above it;
 * {@code voltageLevels} are codes of staff_voltage_level; {@code skills} name order types, optionally narrowed to a
 * category of the type.
 */
public record NewStaffProfile(@NotBlank @Size(max = 100) String username, @NotNull Position position,
                              @Size(max = 32) String teamCode, LocalDate hireDate,
                              @Size(max = 10) List<@NotBlank @Size(max = 50) String> languages,
                              @Size(max = 10) List<@NotBlank @Size(max = 20) String> voltageLevels,
                              @Size(max = 50) List<StaffProfile.@NotNull Skill> skills) {
}
