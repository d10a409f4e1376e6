package org.gridcare.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.gridcare.billing.BasicChargeBasis;

/**
 * A service plan as the API and the pages show it: the customer and the order it was recorded against, the setup
 * before and after (tariff, basic-charge basis), the chosen options with their estimates, the SERVICE_APPLICATION
 * order that carries a contract change out (its last known status, when it was completed or dropped, and the
 * billing month the change took effect from), and — once evaluated — the realised saving.
 */
public record PlanView(long id, String customerNumber, long unitId, String orderNumber, PlanStatus status,
                       String tariffBefore, BasicChargeBasis basisBefore, String tariffAfter,
                       BasicChargeBasis basisAfter, BigDecimal peakShiftShare, BigDecimal estimatedSaving,
                       YearMonth adviceFrom, YearMonth adviceTo, String note, String applicationOrder,
                       int evaluationMonths, String createdBy, Instant createdAt, String executedBy,
                       Instant executedAt, Instant evaluationDueAt, Instant evaluatedAt, int version,
                       List<ChosenOption> options, Evaluation evaluation, YearMonth effectiveFrom,
                       String applicationStatus, Instant applicationDoneAt) {

    public record ChosenOption(String key, AdviceKind kind, BigDecimal estimatedSaving, String summary) {
    }

    /**
     * NO_DATA when no month after had readings; NOT_COMPLETED when the application order was not completed by the
     * due date (no numbers then). kWh and costs are sums over {@code months} months that had data
     * after; {@code costBefore}/{@code kwhBefore} over those of the same months a year before that had data.
     */
    public record Evaluation(String outcome, YearMonth afterFrom, YearMonth afterTo, int months, BigDecimal kwhBefore,
                             BigDecimal costBefore, BigDecimal kwhAfter, BigDecimal costAfter,
                             BigDecimal counterfactual, BigDecimal realisedSaving, Instant evaluatedAt,
                             List<EvaluationMonth> details) {
    }

    public record EvaluationMonth(YearMonth month, BigDecimal kwhBefore, BigDecimal costBefore, BigDecimal kwhAfter,
                                  BigDecimal costAfter, BigDecimal counterfactual, BigDecimal saving) {
    }
}
