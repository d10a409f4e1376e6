package org.gridcare.sla;

import java.time.Instant;
import java.util.List;

/**
 * An administrator's new policy version: the complete rule set (the console copies the current
 * version's rules and lets the administrator change them), in force from {@code effectiveFrom}
 * (now when absent; never in the past, so no order already accepted changes its version).
 */
record NewPolicyVersion(Instant effectiveFrom, String note, String source, List<RuleInput> rules) {

    /** One rule as entered; null match values mean "any". Defaults: warning 80 %, pause in SUSPENDED. */
    record RuleInput(String clockName, String orderType, String subType, String priority, String areaType,
                     String channel, List<String> startEvents, List<String> stopEvents, Integer amount,
                     String unit, Integer warningPercent, List<String> pauseStates, Boolean assumed, String note,
                     String source) {
    }
}
