package org.gridcare.sla;

/** A calendar exception: a statutory holiday on a weekday, or a weekend day that is worked (调休上班). */
enum DayKind {
    HOLIDAY, WORKDAY
}
