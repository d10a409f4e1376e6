package org.gridcare.quality;

/** Where a rubric version stands: edited, published (in force from its effective moment), or replaced. */
public enum RubricStatus {
    DRAFT, PUBLISHED, SUPERSEDED
}
