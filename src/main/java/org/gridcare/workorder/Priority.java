package org.gridcare.workorder;

/** How urgent the order is (紧急程度). */
public enum Priority {
    NORMAL, URGENT, CRITICAL
}
