package org.gridcare.quality;

/** How a plan hands its inspections to inspectors: in turn, or to the one with the fewest open inspections. */
public enum AssignmentMode {
    ROUND_ROBIN, BY_LOAD
}
