package org.gridcare.quality;

/** What failing a rubric item means: an error (差错) or a serious error (严重差错). */
public enum FindingSeverity {
    ERROR, SERIOUS_ERROR
}
