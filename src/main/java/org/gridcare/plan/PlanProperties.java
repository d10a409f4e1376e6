package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param historyMonths       the advice prices the customer's last this many full months (before the current one)
 * @param peakShiftShare      the share of peak (and critical-peak) kWh the load-shift option moves to the valley
 *                            when the caller gives none (0 &lt; share ≤ 1; *assumed* default 0.10)
 * @param minAnnualSaving     an option is advised when its estimated annual saving reaches this many 元; a smaller
 *                            (or negative) saving is listed as not advised
 * @param evaluationMonths    a carried-out plan is evaluated on this many full months after the month it was carried
 *                            out in, against the same calendar months a year before
 * @param evaluationGrace     how long after the last evaluated month ends the evaluation waits (late readings)
 * @param applicationCategory the work-order category of the SERVICE_APPLICATION order a tariff or basis change goes
 *                            through
 * @param scanInterval        how often the evaluation job looks for plans that came due
 * @param schedulerEnabled    whether this instance runs the evaluation job (safe on every instance)
 */
@ConfigurationProperties("gridcare.plan")
record PlanProperties(@DefaultValue("12") int historyMonths, @DefaultValue("0.10") BigDecimal peakShiftShare,
                      @DefaultValue("1.00") BigDecimal minAnnualSaving, @DefaultValue("3") int evaluationMonths,
                      @DefaultValue("3d") Duration evaluationGrace,
                      @DefaultValue("SERVICE_APPLICATION.OTHER") String applicationCategory,
                      @DefaultValue("1h") Duration scanInterval, @DefaultValue("true") boolean schedulerEnabled) {

    PlanProperties {
        if (historyMonths < 1 || historyMonths > 24) {
            throw new IllegalArgumentException("gridcare.plan.history-months must be 1–24");
        }
        if (evaluationMonths < 1 || evaluationMonths > 12) {
            throw new IllegalArgumentException("gridcare.plan.evaluation-months must be 1–12");
        }
        if (peakShiftShare.signum() <= 0 || peakShiftShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("gridcare.plan.peak-shift-share must be in (0, 1]");
        }
    }
}
