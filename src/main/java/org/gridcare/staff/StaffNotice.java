package org.gridcare.staff;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice to a staff member: {@code kind} CERTIFICATE_EXPIRING (expires within the lead time) or
 * CERTIFICATE_EXPIRED, about the certificate of {@code subjectUserId} (themselves, or a member of the team they lead).
 */
public record StaffNotice(long id, String kind, long subjectUserId, long certificateId, String certificateKind,
                          String certificateNumber, LocalDate expiresOn, Instant createdAt, boolean read) {
}
