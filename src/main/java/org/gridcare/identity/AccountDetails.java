package org.gridcare.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.shared.security.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security and the rest of GridCare see them. */
final class AccountDetails implements UserDetails, CredentialsContainer, Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String displayName;
    private final long unitId;
    private final Set<String> roleNames;
    private final boolean enabled;
    private final boolean locked;
    private final String locale;
    private String passwordHash;

    AccountDetails(UserAccount account, boolean locked) {
        this.userId = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.unitId = account.unitId();
        this.roleNames = account.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
        this.enabled = account.enabled();
        this.locked = locked;
        this.locale = account.locale();
        this.passwordHash = account.passwordHash();
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public long unitId() {
        return unitId;
    }

    @Override
    public Set<String> roleNames() {
        return roleNames;
    }

    String locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roleNames.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountDetails that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AccountDetails[" + username + "]";
    }
}
