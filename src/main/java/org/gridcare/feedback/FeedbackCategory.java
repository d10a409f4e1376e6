package org.gridcare.feedback;

/** What the feedback is about (反馈类别): service quality, efficiency, attitude, or other. */
public enum FeedbackCategory { QUALITY, EFFICIENCY, ATTITUDE, OTHER }
