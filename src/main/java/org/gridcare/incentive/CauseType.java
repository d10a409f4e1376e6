package org.gridcare.incentive;

/** What a reward or penalty is for; its rule gives the points and the amount. */
public enum CauseType {
    PRAISE_ORDER, INSPECTION_ERROR, INSPECTION_SERIOUS_ERROR, SUBSTANTIATED_COMPLAINT, SLA_BREACH, TRAINING_RESULT,
    OTHER
}
