package org.gridcare.staff;

import java.time.Instant;
import java.time.LocalDate;

/** An on-duty shift (排班) of one person: its day, code (null for explicit times), start and end. */
public record Shift(long id, long userId, LocalDate date, String shiftCode, Instant startsAt, Instant endsAt,
                    String note) {

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
