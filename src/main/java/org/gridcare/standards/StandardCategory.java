package org.gridcare.standards;

/** What a standard governs. */
public enum StandardCategory {
    SERVICE_COMMITMENTS, HOTLINE, BUSINESS_HALL, REPAIR, COMPLAINT_HANDLING, BILLING, CONDUCT
}
