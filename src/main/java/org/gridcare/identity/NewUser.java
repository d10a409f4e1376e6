package org.gridcare.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create a staff account. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{validation.username.pattern}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank String password,
        @NotEmpty Set<Role> roles,
        @NotBlank String unitCode,
        Boolean enabled) {
}
