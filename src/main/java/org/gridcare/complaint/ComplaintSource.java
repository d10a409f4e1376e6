package org.gridcare.complaint;

/** 投诉来源: the 95598 hotline (and its online channels), the 12398 regulator, the 12345 government hotline, media, in person. */
public enum ComplaintSource { HOTLINE_95598, REGULATOR_12398, GOV_12345, MEDIA, IN_PERSON }
