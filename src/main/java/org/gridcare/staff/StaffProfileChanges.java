package org.gridcare.staff;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Changes to a profile; a null field stays as it is. {@code teamCode} "" takes the person out of their team;
 * {@code clearHireDate} removes the hire date. {@code version} is the one the caller saw.
 */
public record StaffProfileChanges(Integer version, Position position, @Size(max = 32) String teamCode,
                                  LocalDate hireDate, Boolean clearHireDate,
                                  @Size(max = 10) List<@NotBlank @Size(max = 50) String> languages,
                                  @Size(max = 10) List<@NotBlank @Size(max = 20) String> voltageLevels,
                                  @Size(max = 50) List<StaffProfile.@NotNull Skill> skills) {
}
