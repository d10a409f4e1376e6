package org.gridcare.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.gridcare.shared.BusinessTime;
import org.springframework.stereotype.Component;

/** Shows moments in business time (Asia/Shanghai) on every console page: {@code ${@times.dateTime(x)}}. */
@Component("times")
public class ConsoleTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(BusinessTime.ZONE);

    public String dateTime(Instant moment) {
        return moment == null ? "" : DATE_TIME.format(moment);
    }

    public String minutes(Instant moment) {
        return moment == null ? "" : MINUTES.format(moment);
    }

    public String date(Instant moment) {
        return moment == null ? "" : DATE.format(moment);
    }
}
