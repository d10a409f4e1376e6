package org.gridcare.metering;

import java.time.LocalDate;
import java.util.List;

import org.gridcare.metering.ConsumptionAnalysis.Change;

/**
 * The short view of a customer's consumption that the agent sees while taking a call (受理 · 用电概况): the last
 * months' kWh, month-on-month and year-on-year change of the latest month with data, and the latest anomalies
 * found in {@code from}–{@code to}. {@code metered} is false when the customer has no meter.
 */
record ConsumptionCard(String customerNumber, boolean metered, List<SeriesPoint> months, Change monthOnMonth,
                       Change yearOnYear, LocalDate from, LocalDate to, List<Anomaly> anomalies) {
}
