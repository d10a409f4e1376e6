package org.gridcare.identity;

import java.time.Clock;
import java.time.Instant;

import org.gridcare.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks an account after too many in a row; every outcome goes to the
 * audit trail. API calls that authenticate on each request are not audited on success (too noisy),
 * console sign-ins are.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final UserRepository users;
    private final AuditTrail audit;
    private final IdentityProperties.Lockout lockout;
    private final Clock clock;

    SignInAttempts(UserRepository users, AuditTrail audit, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event.getAuthentication() instanceof BearerTokenAuthentication) {
            audit.recordFor("anonymous", null, "API_TOKEN_REJECTED", "ApiToken", null,
                    event.getException().getClass().getSimpleName());
            return;
        }
        var account = users.findByUsername(username);
        if (account.isEmpty()) {
            audit.recordFor(truncate(username), null, "SIGN_IN_FAILED", Users.ENTITY, truncate(username), "unknown user");
            return;
        }
        var user = account.get();
        String reason = event.getException().getClass().getSimpleName();
        audit.recordFor(user.username(), user.unitId(), "SIGN_IN_FAILED", Users.ENTITY, user.username(), reason);
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            int failures = users.recordFailure(user.id());
            if (failures >= lockout.maxAttempts()) {
                Instant until = Instant.now(clock).plus(lockout.duration());
                users.lock(user.id(), until);
                log.warn("Account {} locked until {} after {} failed sign-ins", user.username(), until, failures);
                audit.recordFor(user.username(), user.unitId(), "ACCOUNT_LOCKED", Users.ENTITY, user.username(),
                        "locked until " + until + " after " + failures + " failed sign-ins");
            }
        }
    }

    /** No transaction of its own: it comes with every API call, and for a token it has nothing to write. */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        // only a correct password ends a run of wrong ones; a token proves nothing about the password
        if (!(event.getAuthentication() instanceof BearerTokenAuthentication)
                && event.getAuthentication().getPrincipal() instanceof AccountDetails account) {
            users.clearFailures(account.userId());
        }
    }

    @EventListener
    @Transactional
    public void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountDetails account) {
            audit.recordFor(account.username(), account.unitId(), "SIGNED_IN", Users.ENTITY, account.username(),
                    "console sign-in");
        }
    }

    private static String truncate(String value) {
        return value.length() > 50 ? value.substring(0, 50) : value;
    }
}
