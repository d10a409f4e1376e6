package org.gridcare.sla;

/**
 * Where a clock stands. WARNING: past the warning threshold, still running; BREACHED: past due (running or stopped
 * late); VOID: ended without a verdict, because the order was cancelled or merged while the clock ran.
 */
public enum ClockState {
    RUNNING, PAUSED, MET, WARNING, BREACHED, VOID
}
