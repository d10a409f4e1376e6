package org.gridcare.complaint;

/** A root cause an investigation may name (投诉原因). */
public record RootCause(String code, String name, String nameEn, boolean enabled) {
}
