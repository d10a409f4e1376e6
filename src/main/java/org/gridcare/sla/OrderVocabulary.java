package org.gridcare.sla;

import java.util.List;

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
}
