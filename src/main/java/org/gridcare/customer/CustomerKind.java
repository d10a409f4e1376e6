package org.gridcare.customer;

/** 用电类别: residential, commercial (general business), large industry (two-part tariff), agriculture. */
enum CustomerKind {
    RESIDENTIAL, COMMERCIAL, LARGE_INDUSTRY, AGRICULTURE
}
