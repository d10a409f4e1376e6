package org.gridcare.sla;

import java.util.List;

import org.gridcare.shared.InvalidInputException.Violation;

/**
 * The work order values SLA rules and previews may name. Kept here (not read from the work order
 * module) so that the policy tables and the preview can be validated without a dependency cycle.
 */
final class OrderVocabulary {

    static final List<String> TYPES = List.of("CONSULTATION", "FAULT_REPAIR", "COMPLAINT", "REPORT", "OPINION",
            "PRAISE", "SERVICE_APPLICATION");
    static final String SUB_TYPED = "SERVICE_APPLICATION";
    static final List<String> SUB_TYPES = List.of("RECONNECTION", "APPLIANCE_DAMAGE", "METER_ANOMALY",
            "READING_ANOMALY", "OTHER");
    static final List<String> PRIORITIES = List.of("NORMAL", "URGENT", "CRITICAL");
    static final List<String> AREA_TYPES = List.of("URBAN", "RURAL", "REMOTE");
    static final List<String> CHANNELS = List.of("HOTLINE_95598", "APP", "WEB", "WECHAT", "COUNTER",
            "REGULATOR_12398", "GOV_12345", "EMAIL", "FIELD");
    static final List<String> STATUSES = List.of("ACCEPTED", "DISPATCHED", "IN_PROGRESS", "REPLIED", "REVIEWED",
            "VISITED", "CLOSED", "RETURNED", "SUSPENDED", "CANCELLED", "MERGED");
    static final List<String> CLOCK_NAMES = List.of("FIRST_RESPONSE", "DISPATCH", "ARRIVAL", "RESTORATION",
            "CONTACT", "REPLY", "RETURN_VISIT", "CLOSE");

    private OrderVocabulary() {
    }

    /**
     * The trimmed value when it is one of {@code allowed}; null when blank (a violation if required)
     * or unknown (a violation naming the field and the allowed values).
     */
    static String checked(String value, List<String> allowed, String field, boolean required, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(field, "NotBlank"));
            }
            return null;
        }
        String trimmed = value.trim();
        if (!allowed.contains(trimmed)) {
            errors.add(new Violation(field, "sla.validation.unknownValue", value, String.join(", ", allowed)));
            return null;
        }
        return trimmed;
    }
}
