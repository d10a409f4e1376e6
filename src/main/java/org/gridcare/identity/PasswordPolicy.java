package org.gridcare.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gridcare.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** A password is long enough, mixes character classes and does not contain the username. */
@Component
class PasswordPolicy {

    /** BCrypt reads at most 72 bytes and refuses to hash more. */
    static final int MAX_BYTES = 72;

    private final IdentityProperties.Password settings;

    PasswordPolicy(IdentityProperties properties) {
        this.settings = properties.password();
    }

    void check(String field, String password, String username) {
        if (password == null || password.length() < settings.minLength()) {
            throw InvalidInputException.of(field, "validation.password.tooShort", settings.minLength());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidInputException.of(field, "validation.password.tooLong", MAX_BYTES);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < settings.minCharacterClasses()) {
            throw InvalidInputException.of(field, "validation.password.classes", settings.minCharacterClasses());
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.of(field, "validation.password.containsUsername");
        }
    }

    int minLength() {
        return settings.minLength();
    }
}
