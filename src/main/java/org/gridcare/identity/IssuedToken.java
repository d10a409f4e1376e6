package org.gridcare.identity;

/** A freshly created token with its secret, shown exactly once. */
public record IssuedToken(ApiToken token, String secret) {
}
