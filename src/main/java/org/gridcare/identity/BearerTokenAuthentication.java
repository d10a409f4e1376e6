package org.gridcare.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** An {@code Authorization: Bearer gct_…} request, before and after its token is checked. */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final AccountDetails account;

    private BearerTokenAuthentication(String secret) {
        super(List.of());
        this.secret = secret;
        this.account = null;
    }

    private BearerTokenAuthentication(AccountDetails account) {
        super(account.getAuthorities());
        this.secret = null;
        this.account = account;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return account != null ? account : "bearer-token";
    }

    /** Reads the bearer token from the request; other schemes are left to other filters. */
    static final class Converter implements AuthenticationConverter {
        @Override
        public Authentication convert(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return new BearerTokenAuthentication(header.substring(7).trim());
        }
    }

    /** Checks the token and loads its owner, who must still be enabled and not locked (both cached briefly). */
    static final class Provider implements AuthenticationProvider {

        private final ApiTokens tokens;
        private final AccountDetailsService accounts;
        private final TokenPrincipals principals;

        Provider(ApiTokens tokens, AccountDetailsService accounts, TokenPrincipals principals) {
            this.tokens = tokens;
            this.accounts = accounts;
            this.principals = principals;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String secret = (String) authentication.getCredentials();
            if (!ApiTokens.wellFormed(secret)) {
                throw new BadCredentialsException("invalid, expired or revoked token");
            }
            AccountDetails account = principals.get(ApiTokens.hash(secret), hash -> tokens.authenticate(secret)
                            .map(token -> {
                                AccountDetails owner = accounts.load(token.userId());
                                owner.eraseCredentials();
                                return new TokenPrincipals.Checked(owner, token.expiresAt());
                            }))
                    .orElseThrow(() -> new BadCredentialsException("invalid, expired or revoked token"));
            if (!account.isEnabled()) {
                throw new DisabledException("account disabled");
            }
            if (!account.isAccountNonLocked()) {
                throw new LockedException("account locked");
            }
            return new BearerTokenAuthentication(account);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return BearerTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
