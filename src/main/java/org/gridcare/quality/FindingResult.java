package org.gridcare.quality;

/** The inspector's verdict on one rubric item; NOT_APPLICABLE items count neither for nor against the score. */
public enum FindingResult {
    PASS, FAIL, NOT_APPLICABLE
}
