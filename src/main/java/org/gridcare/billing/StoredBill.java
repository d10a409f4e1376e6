package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.gridcare.metering.MonthUsage;

/** A bill as it is written: the customer, the usage and quote inputs it came from, and the quote. */
record StoredBill(String customerNumber, YearMonth month, long unitId, long tariffVersionId, MonthUsage usage,
                  BigDecimal capacityKva, BasicChargeBasis basis, Quote quote, Long runId, Instant calculatedAt) {
}
