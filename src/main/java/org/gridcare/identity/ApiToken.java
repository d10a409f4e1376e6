package org.gridcare.identity;

import java.time.Instant;

/** A personal API token as listed: its secret is never shown again after creation. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt, boolean active) {
}
