package org.gridcare.staff;

/** The category tree's codes are dotted paths: a code lies within itself and its ancestors. */
final class Categories {

    private Categories() {
    }

    /** Whether {@code code} is {@code scope} or below it; a null or empty scope holds everything. */
    static boolean within(String code, String scope) {
        if (scope == null || scope.isEmpty()) {
            return true;
        }
        return code != null && (code.equals(scope) || code.startsWith(scope + "."));
    }
}
