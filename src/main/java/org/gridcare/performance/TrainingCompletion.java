package org.gridcare.performance;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

/**
 * The TRAINING component's figure per staff member: the training completion (percent of the hours their position
 * requires this year, completed by the end of the month). A member missing from the answer is NO_DATA — the
 * component then drops out of their base score with its weight; a value is never made up.
 */
interface TrainingCompletion {

    Map<String, ScoreCalculator.Figure> completion(Collection<Roster.Member> members, YearMonth month);

    /** Where the records behind a member's figure are listed (API, console), or null when nothing lists them. */
    String drillDown(long userId, YearMonth month);

    String consoleLink(long userId, YearMonth month);
}
