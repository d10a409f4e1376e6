package org.gridcare.shared;

/**
 * Turns what a user typed into a LIKE pattern that matches it literally: {@code %} and {@code _} in
 * a search box are text, not wildcards (PostgreSQL's default LIKE escape character is the backslash).
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String contains(String text) {
        return "%" + literal(text) + "%";
    }

    public static String startsWith(String text) {
        return literal(text) + "%";
    }
}
