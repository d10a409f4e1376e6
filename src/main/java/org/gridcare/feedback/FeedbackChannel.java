package org.gridcare.feedback;

/** Where the feedback came in (反馈渠道). */
public enum FeedbackChannel { PHONE, EMAIL, ONLINE, COUNTER }
