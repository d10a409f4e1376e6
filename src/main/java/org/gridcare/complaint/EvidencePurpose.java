package org.gridcare.complaint;

/** What an evidence attachment supports: the investigation, an appeal or a rectification action. */
public enum EvidencePurpose { INVESTIGATION, APPEAL, RECTIFICATION }
