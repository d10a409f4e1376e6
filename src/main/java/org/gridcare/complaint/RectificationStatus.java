package org.gridcare.complaint;

/** 整改措施状态: OPEN → DONE (by its owner) → VERIFIED (by a supervisor; a failed verification reopens it). */
public enum RectificationStatus { OPEN, DONE, VERIFIED }
