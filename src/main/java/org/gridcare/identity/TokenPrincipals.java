package org.gridcare.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checked bearer tokens and their owners' accounts, kept for {@code gridcare.identity.tokens.principal-cache-ttl}
 * so that an integration's every call does not read its token and account again. Keyed by the token's hash, never
 * the secret. Any token revocation or account change on this instance empties the cache (also after its commit, so
 * that a request racing the change cannot put the old state back); an entry never outlives its token's expiry.
 */
@Component
class TokenPrincipals {

    private final Cache<String, Checked> byTokenHash;
    private final Clock clock;

    TokenPrincipals(IdentityProperties properties, Clock clock) {
        // timed by the application's clock, like the token's own expiry and "last used"
        this.byTokenHash = Caffeine.newBuilder().expireAfterWrite(properties.tokens().principalCacheTtl())
                .ticker(() -> clock.millis() * 1_000_000L).maximumSize(10_000).build();
        this.clock = clock;
    }

    /** A token's owner as last checked, or as {@code check} finds it now (nothing when the token is not valid). */
    Optional<AccountDetails> get(String tokenHash, Function<String, Optional<Checked>> check) {
        Checked cached = byTokenHash.getIfPresent(tokenHash);
        if (cached != null && cached.tokenExpiresAt().isAfter(Instant.now(clock))) {
            return Optional.of(cached.account());
        }
        Optional<Checked> checked = check.apply(tokenHash);
        checked.ifPresentOrElse(c -> byTokenHash.put(tokenHash, c), () -> byTokenHash.invalidate(tokenHash));
        return checked.map(Checked::account);
    }

    /** Forgets every checked token: a token was revoked or an account changed. */
    void forgetAll() {
        byTokenHash.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byTokenHash.invalidateAll();
                }
            });
        }
    }

    /** A valid token's owner (enabled and not locked when checked) and when the token expires. */
    record Checked(AccountDetails account, Instant tokenExpiresAt) {
    }
}
