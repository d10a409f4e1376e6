package org.gridcare.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderType;

/**
 * The survey rules (自评设置): at most one survey per customer (or phone) per {@code customerIntervalDays}, links
 * valid for {@code linkValidityHours}, the visit result each score 1–5 stands for ({@code scoreResults[0]} is
 * score 1), the share of reviewed orders of each type that get a link, and the staff contacts (phone numbers
 * or customer numbers) whose own orders are never surveyed.
 */
public record SurveySettings(int customerIntervalDays, int linkValidityHours, List<VisitResult> scoreResults,
                             Map<WorkOrderType, BigDecimal> samplingRates, List<String> staffContacts,
                             String updatedBy, Instant updatedAt, int version) {

    public VisitResult resultOf(int score) {
        return scoreResults.get(score - 1);
    }

    /** Whether the order's customer number or caller phone is one of the staff contacts. */
    public boolean isStaff(String customerNumber, String phone) {
        return (customerNumber != null && staffContacts.contains(customerNumber))
                || (phone != null && staffContacts.contains(phone));
    }

    public BigDecimal rateOf(WorkOrderType type) {
        return samplingRates.getOrDefault(type, BigDecimal.ZERO);
    }
}
