package org.gridcare.staff;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * Changes to a certificate (a renewal moves {@code expiresOn}); a null field stays as it is, {@code clearExpiry}
 * removes the expiry date. {@code version} is the one the caller saw.
 */
public record CertificateChanges(Integer version, @Size(max = 64) String number, @Size(max = 100) String issuer,
                                 LocalDate issuedOn, LocalDate expiresOn, Boolean clearExpiry) {
}
