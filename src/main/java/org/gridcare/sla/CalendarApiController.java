package org.gridcare.sla;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "工作日历 — statutory holidays and make-up working days")
class CalendarApiController {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final WorkingCalendar calendar;

    CalendarApiController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    @Operation(summary = "The year's statutory holidays and make-up working days")
    YearResponse year(@PathVariable int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw InvalidInputException.of("year", "sla.validation.year", MIN_YEAR, MAX_YEAR);
        }
        List<CalendarDay> days = calendar.year(year);
        return new YearResponse(year,
                days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(DayResponse::of).toList(),
                days.stream().filter(d -> d.kind() == DayKind.WORKDAY).map(DayResponse::of).toList());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import a CSV `date,kind,name` (kind HOLIDAY or WORKDAY); all rows or none")
    WorkingCalendar.ImportResult importCsv(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "sla.validation.calendar.empty");
        }
        return calendar.importCsv(file.getInputStream(), Actors.required());
    }

    @PutMapping("/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Mark one day as a holiday or a make-up working day")
    DayResponse setDay(@PathVariable LocalDate date, @RequestBody DayChange change) {
        return DayResponse.of(calendar.setDay(date, change.kind(), change.name(), Actors.required()));
    }

    @DeleteMapping("/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a listed day: it follows the weekday rule again")
    ResponseEntity<Void> removeDay(@PathVariable LocalDate date) {
        calendar.removeDay(date);
        return ResponseEntity.noContent().build();
    }

    record DayChange(String kind, String name) {
    }

    record DayResponse(LocalDate date, String kind, String name) {
        static DayResponse of(CalendarDay day) {
            return new DayResponse(day.day(), day.kind().name(), day.name());
        }
    }

    record YearResponse(int year, List<DayResponse> holidays, List<DayResponse> makeUpDays) {
    }
}
