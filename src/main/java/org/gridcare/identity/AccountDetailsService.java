package org.gridcare.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    AccountDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(account -> new AccountDetails(account, account.lockedAt(Instant.now(clock))))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    AccountDetails load(long userId) {
        return users.findById(userId)
                .map(account -> new AccountDetails(account, account.lockedAt(Instant.now(clock))))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
