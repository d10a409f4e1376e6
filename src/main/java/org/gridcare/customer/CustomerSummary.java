package org.gridcare.customer;

import java.util.Set;

/**
 * A customer as other modules see it: phone already masked for the caller's role. {@code unitId} is
 * the supply station (organisation unit) that serves the customer; {@code flags} are IMPORTANT,
 * SENSITIVE, VULNERABLE.
 */
public record CustomerSummary(String number, String name, String kind, String voltageLevel, String address,
                              String maskedPhone, long unitId, String unitCode, Set<String> flags) {
}
