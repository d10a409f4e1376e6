package org.gridcare.customer;

/** The archive's internal key of a customer; outside the module a customer is known by its number (户号). */
record CustomerId(long value) {
}
