package org.gridcare.staff;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A certificate to record; {@code expiresOn} (last valid day) may be empty for a kind without expiry. */
public record NewCertificate(@NotBlank @Size(max = 40) String kindCode, @NotBlank @Size(max = 64) String number,
                             @NotBlank @Size(max = 100) String issuer, @NotNull LocalDate issuedOn,
                             LocalDate expiresOn) {
}
