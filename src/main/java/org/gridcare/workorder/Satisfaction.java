package org.gridcare.workorder;

/** The customer's verdict on the return visit (回访满意度). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
