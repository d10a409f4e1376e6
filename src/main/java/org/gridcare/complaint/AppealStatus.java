package org.gridcare.complaint;

/** 申诉（核减）: none filed, pending with the reviewer one level up, accepted (removed from the count) or rejected. */
public enum AppealStatus { NONE, PENDING, ACCEPTED, REJECTED }
