package org.gridcare.staff;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A shift to plan: by {@code shiftCode} (its local times on {@code date}, Asia/Shanghai; a shift ending before it
 * starts ends the next day) or by explicit {@code startsAt}/{@code endsAt} — one or the other.
 */
public record NewShift(@NotNull LocalDate date, @Size(max = 20) String shiftCode, Instant startsAt, Instant endsAt,
                       @Size(max = 500) String note) {
}
