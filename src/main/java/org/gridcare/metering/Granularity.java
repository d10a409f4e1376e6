package org.gridcare.metering;

import java.time.LocalDate;

/** The length of one period of a consumption series. */
enum Granularity {
    DAY, MONTH;

    LocalDate periodOf(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    String label(LocalDate period) {
        return this == DAY ? period.toString() : period.toString().substring(0, 7);
    }
}
