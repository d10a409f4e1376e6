package org.gridcare.customer;

/** A customer was added to the archive (by hand or by an import). */
public record CustomerRegistered(String number, long unitId) {
}
