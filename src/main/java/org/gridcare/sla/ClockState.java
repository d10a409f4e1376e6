package org.gridcare.sla;

/** Where a clock stands. WARNING: past the warning threshold, still running; BREACHED: past due (running or stopped late). */
public enum ClockState {
    RUNNING, PAUSED, MET, WARNING, BREACHED
}
