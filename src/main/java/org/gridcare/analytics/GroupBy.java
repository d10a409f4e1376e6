package org.gridcare.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a KPI report is split: by the scope unit's child units, an order attribute, the staff member, the staff
 * member's team (班组, as the staff module has it now), or a calendar period.
 */
public enum GroupBy {
    UNIT, TYPE, CHANNEL, CATEGORY, STAFF, TEAM, DAY, WEEK, MONTH;

    public boolean isPeriod() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code unit}, {@code type}, …; empty for an unknown name. */
    public static Optional<GroupBy> fromPath(String path) {
        return Arrays.stream(values()).filter(g -> g.path().equalsIgnoreCase(path.trim())).findFirst();
    }
}
