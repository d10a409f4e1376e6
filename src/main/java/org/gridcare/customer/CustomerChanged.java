package org.gridcare.customer;

import java.util.Set;

/** A customer's archive was changed; {@code fields} names what changed (never the personal values). */
public record CustomerChanged(String number, long unitId, Set<String> fields) {
}
