package org.gridcare.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword  the first administrator's password; when empty a random one is generated and logged once
 * @param rootUnitCode   code of the province company created on an empty database
 * @param rootUnitName   name of that unit
 * @param lockout        how repeated failed sign-ins lock an account
 * @param password       the password policy
 * @param tokens         limits of personal API tokens
 */
@ConfigurationProperties("gridcare.identity")
record IdentityProperties(
        String adminPassword,
        @DefaultValue("HQ") String rootUnitCode,
        @DefaultValue("省电力公司") String rootUnitName,
        @DefaultValue Lockout lockout,
        @DefaultValue Password password,
        @DefaultValue Tokens tokens) {

    /** After {@code maxAttempts} failed sign-ins in a row the account is locked for {@code duration}. */
    record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration) {
    }

    /** Minimum length and how many of the four character classes (lower, upper, digit, other) are required. */
    record Password(@DefaultValue("10") int minLength, @DefaultValue("3") int minCharacterClasses) {
    }

    /**
     * Default and longest validity of a personal API token, and how long an instance trusts a checked token and
     * its owner's account before checking again (a revocation or an account change on the same instance applies
     * at once, on other instances after {@code principalCacheTtl}).
     */
    record Tokens(@DefaultValue("90d") Duration defaultValidity, @DefaultValue("365d") Duration maxValidity,
                  @DefaultValue("10s") Duration principalCacheTtl) {
    }
}
