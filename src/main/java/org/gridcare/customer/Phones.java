package org.gridcare.customer;

import java.util.regex.Pattern;

/** Phone numbers as the archive keeps them: digits only, without a +86 / 0086 country prefix. */
final class Phones {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{5,15}");

    private Phones() {
    }

    static String normalise(String phone) {
        String p = SEPARATORS.matcher(phone).replaceAll("");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        } else if (p.startsWith("0086")) {
            p = p.substring(4);
        }
        return p;
    }

    /** A mobile number (11 digits starting 13–19), or a landline / service number of 5–15 digits. */
    static boolean valid(String normalised) {
        if (normalised.length() == 11 && normalised.startsWith("1")) {
            return MOBILE.matcher(normalised).matches();
        }
        return DIGITS.matcher(normalised).matches();
    }

    /** Only the digits of a search text, when it is a phone or number fragment; null otherwise. */
    static String digitsOf(String text) {
        String p = normalise(text.strip());
        return p.chars().allMatch(Character::isDigit) && !p.isEmpty() ? p : null;
    }
}
