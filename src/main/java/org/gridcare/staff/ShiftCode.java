package org.gridcare.staff;

import java.time.LocalTime;

/** A configured shift (班次): local start and end; an end not after the start ends the next day. */
public record ShiftCode(String code, String name, String nameEn, LocalTime startsAt, LocalTime endsAt) {
}
