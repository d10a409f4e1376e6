package org.gridcare.complaint;

import java.util.Locale;

/**
 * The moves on a case (the POST actions of the API): grade, investigate, approve (the review of the findings:
 * approve or send back), appeal, decide-appeal, add-action (a rectification action) and close. Completing and
 * verifying an action are moves of the action.
 */
public enum ComplaintMove {
    GRADE, INVESTIGATE, APPROVE, APPEAL, DECIDE_APPEAL, ADD_ACTION, CLOSE;

    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
