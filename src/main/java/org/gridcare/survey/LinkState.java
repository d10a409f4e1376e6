package org.gridcare.survey;

/** What a survey link opens to: the form, or why not. A forged or unknown link is INVALID, nothing more. */
public enum LinkState {
    OPEN, USED, EXPIRED, CLOSED, INVALID
}
