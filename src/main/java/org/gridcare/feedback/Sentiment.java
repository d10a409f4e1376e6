package org.gridcare.feedback;

/** The tone of the feedback (倾向): praise, neutral remark, or criticism. */
public enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE }
