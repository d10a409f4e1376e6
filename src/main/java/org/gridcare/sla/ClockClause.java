package org.gridcare.sla;

import java.util.List;

/**
 * A clock as a clause of a service standard: the same fields as a policy rule (a null match value means any
 * order; warning 80 % and a pause in SUSPENDED when absent). Published through {@link ClockClauses}.
 */
public record ClockClause(String clockName, String orderType, String subType, String priority, String areaType,
                          String channel, List<String> startEvents, List<String> stopEvents, Integer amount,
                          String unit, Integer warningPercent, String note) {

    public ClockClause {
        startEvents = startEvents == null ? List.of() : List.copyOf(startEvents);
        stopEvents = stopEvents == null ? List.of() : List.copyOf(stopEvents);
    }

    NewPolicyVersion.RuleInput toInput() {
        return new NewPolicyVersion.RuleInput(clockName, orderType, subType, priority, areaType, channel,
                startEvents, stopEvents, amount, unit, warningPercent, null, false, note, null);
    }
}
