package org.gridcare.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a random secret shown once, stored only as its SHA-256 hash, with an expiry,
 * revocable by its owner.
 */
@Service
public class ApiTokens {

    static final String ENTITY = "ApiToken";
    static final String SECRET_PREFIX = "gct_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final IdentityProperties.Tokens settings;
    private final Clock clock;
    private final TokenPrincipals principals;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, IdentityProperties properties, Clock clock,
              TokenPrincipals principals) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = properties.tokens();
        this.clock = clock;
        this.principals = principals;
    }

    @Transactional
    public IssuedToken create(Actor owner, String name, Integer validDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidInputException.of("name", "validation.token.name");
        }
        Duration validity = validDays == null ? settings.defaultValidity() : Duration.ofDays(validDays);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(settings.maxValidity()) > 0) {
            throw InvalidInputException.of("validDays", "validation.token.validity", settings.maxValidity().toDays());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                values (:user, :name, :hash, :prefix, :now, :expires) returning id
                """)
                .param("user", owner.userId()).param("name", name.trim()).param("hash", hash(secret))
                .param("prefix", secret.substring(0, 10)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(validity)))
                .query(Long.class).single();
        audit.record("API_TOKEN_CREATED", ENTITY, String.valueOf(id), "token '%s' valid until %s"
                .formatted(name.trim(), now.plus(validity)));
        return new IssuedToken(find(owner, id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(Actor owner) {
        return jdbc.sql("select * from api_token where user_id = :user order by created_at desc, id desc")
                .param("user", owner.userId()).query(this::map).list();
    }

    @Transactional
    public void revoke(Actor owner, long id) {
        ApiToken token = find(owner, id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (token.revokedAt() == null) {
            jdbc.sql("update api_token set revoked_at = :now where id = :id")
                    .param("now", Timestamp.from(Instant.now(clock))).param("id", id).update();
            audit.record("API_TOKEN_REVOKED", ENTITY, String.valueOf(id), "token '%s' revoked".formatted(token.name()));
            principals.forgetAll();
        }
    }

    /** The user an active token belongs to and when the token expires; notes when it was last used. */
    @Transactional
    Optional<ActiveToken> authenticate(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        var active = jdbc.sql("""
                select id, user_id, expires_at, last_used_at from api_token
                 where token_hash = :hash and revoked_at is null and expires_at > :now
                """)
                .param("hash", hash(secret)).param("now", Timestamp.from(now))
                .query((rs, n) -> new ActiveToken(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("last_used_at")))
                .optional();
        active.filter(token -> token.lastUsedAt() == null
                        || token.lastUsedAt().toInstant().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(token -> jdbc.sql("""
                        update api_token set last_used_at = :now
                         where id = :id and (last_used_at is null or last_used_at < :now)
                        """)
                        .param("now", Timestamp.from(now)).param("id", token.id()).update());
        return active;
    }

    static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(SECRET_PREFIX) && secret.length() <= 100;
    }

    /**
     * "Last used" is kept to the minute: writing it on every request would make every call of a busy
     * integration queue up behind one row lock.
     */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    record ActiveToken(long id, long userId, Instant expiresAt, Timestamp lastUsedAt) {
    }

    private Optional<ApiToken> find(Actor owner, long id) {
        return jdbc.sql("select * from api_token where id = :id and user_id = :user")
                .param("id", id).param("user", owner.userId()).query(this::map).optional();
    }

    private ApiToken map(ResultSet rs, int row) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Timestamp used = rs.getTimestamp("last_used_at");
        boolean active = revoked == null && expires.isAfter(Instant.now(clock));
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(), expires, revoked == null ? null : revoked.toInstant(),
                used == null ? null : used.toInstant(), active);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
