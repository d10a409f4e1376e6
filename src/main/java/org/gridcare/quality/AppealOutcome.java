package org.gridcare.quality;

/** A supervisor's decision on one appealed finding: it stands (UPHELD) or is struck out (OVERTURNED). */
public enum AppealOutcome {
    UPHELD, OVERTURNED
}
