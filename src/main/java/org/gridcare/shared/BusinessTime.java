package org.gridcare.shared;

import java.time.ZoneId;

/** The business time zone: every calendar day, working day and displayed time is in Asia/Shanghai. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }
}
