package org.gridcare.metering;

import java.math.BigDecimal;

/**
 * The consumption of one period (a day {@code 2024-03-01} or a month {@code 2024-03}) in kWh, after
 * the meters' multipliers. {@code kwh} comes from register differences where the period has them
 * ({@code source} REGISTER), otherwise from interval readings (INTERVAL); the time-of-use registers
 * (critical peak, peak, flat, valley) and reactive energy come from registers only.
 * {@code maxDemandKw} is the highest demand seen: the maximum-demand register, or the highest
 * interval average. {@code intervalPoints} counts the interval readings of the period.
 */
record SeriesPoint(String period, BigDecimal kwh, BigDecimal criticalPeak, BigDecimal peak, BigDecimal flat,
                   BigDecimal valley, BigDecimal reactiveKvarh, BigDecimal maxDemandKw, String source,
                   Long intervalPoints) {
}
