package org.gridcare.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs and checks survey tokens: {@code <link id>.<random nonce>.<HMAC-SHA256(secret, id.nonce)>}, all
 * base64url. The key comes from {@code gridcare.survey.secret} or, when that is empty, from the database, where
 * the first start stores a random 256-bit key; there is no built-in default. A token that does not parse or
 * whose signature is wrong is rejected before any database lookup, so guessing ids reveals nothing.
 */
@Component
class SurveyLinks {

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SurveyProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile byte[] key;

    SurveyLinks(JdbcClient jdbc, SurveyProperties properties, PlatformTransactionManager transactionManager,
                Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Makes sure the key exists from the first start on (generated and stored when none is configured). */
    @EventListener(ApplicationReadyEvent.class)
    void ensureKey() {
        key();
    }

    /** A fresh nonce for a new link. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    String token(long linkId, String nonce) {
        String payload = linkId + "." + nonce;
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /** The link id and nonce of a well-formed token with a valid signature. */
    Optional<Signed> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String payload = matcher.group(1) + "." + matcher.group(2);
        byte[] given = Base64.getUrlDecoder().decode(matcher.group(3));
        if (!MessageDigest.isEqual(sign(payload), given)) {
            return Optional.empty();
        }
        return Optional.of(new Signed(Long.parseLong(matcher.group(1)), matcher.group(2)));
    }

    record Signed(long linkId, String nonce) {
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = loadKey();
            key = current;
        }
        return current;
    }

    private byte[] loadKey() {
        String configured = properties.secret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("gridcare.survey.secret must have at least 32 characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return transactions.execute(status -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("insert into survey_secret (id, secret, created_at) values (1, :s, :at) on conflict (id) do nothing")
                    .param("s", fresh).param("at", java.sql.Timestamp.from(Instant.now(clock))).update();
            return jdbc.sql("select secret from survey_secret where id = 1").query(byte[].class).single();
        });
    }
}
