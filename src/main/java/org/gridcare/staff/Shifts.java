package org.gridcare.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.gridcare.audit.AuditTrail;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** On-duty shifts (排班): planned by managers within their scope, read by whoever may see the profile. */
@Service
public class Shifts {

    static final String ENTITY = "StaffShift";
    /** The longest single shift: a 24-hour standby plus a handover. */
    private static final Duration LONGEST = Duration.ofHours(36);

    private final ShiftRepository repository;
    private final StaffProfiles profiles;
    private final org.gridcare.organisation.OrgUnits units;
    private final AuditTrail audit;
    private final Clock clock;

    Shifts(ShiftRepository repository, StaffProfiles profiles, org.gridcare.organisation.OrgUnits units,
           AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.profiles = profiles;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ShiftCode> codes() {
        return repository.codes();
    }

    /** A person's shifts between two days (inclusive, Asia/Shanghai; default: this week and the next). */
    @Transactional(readOnly = true)
    public List<Shift> of(long userId, LocalDate from, LocalDate to, Actor actor) {
        profiles.get(userId, actor);
        LocalDate today = Instant.now(clock).atZone(BusinessTime.ZONE).toLocalDate();
        LocalDate start = from != null ? from : today.minusDays(today.getDayOfWeek().getValue() - 1L);
        LocalDate end = to != null ? to : start.plusDays(13);
        if (end.isBefore(start) || end.isAfter(start.plusDays(366))) {
            throw InvalidInputException.of("to", "validation.staff.shiftRange");
        }
        return repository.of(userId, start.atStartOfDay(BusinessTime.ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    @Transactional
    public Shift add(long userId, NewShift command, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        if (command.date() == null) {
            throw InvalidInputException.of("date", "validation.staff.required");
        }
        String code = StaffProfiles.blankToNull(command.shiftCode());
        Instant starts;
        Instant ends;
        if (code != null) {
            if (command.startsAt() != null || command.endsAt() != null) {
                throw InvalidInputException.of("shiftCode", "validation.staff.shiftCodeOrTimes");
            }
            ShiftCode shift = repository.code(code)
                    .orElseThrow(() -> InvalidInputException.of("shiftCode", "validation.staff.unknownShiftCode", code));
            ZonedDateTime start = command.date().atTime(shift.startsAt()).atZone(BusinessTime.ZONE);
            LocalDate endDay = shift.endsAt().isAfter(shift.startsAt()) ? command.date() : command.date().plusDays(1);
            starts = start.toInstant();
            ends = endDay.atTime(shift.endsAt()).atZone(BusinessTime.ZONE).toInstant();
        } else {
            if (command.startsAt() == null) {
                throw InvalidInputException.of("startsAt", "validation.staff.required");
            }
            if (command.endsAt() == null) {
                throw InvalidInputException.of("endsAt", "validation.staff.required");
            }
            starts = command.startsAt();
            ends = command.endsAt();
            if (!ends.isAfter(starts)) {
                throw InvalidInputException.of("endsAt", "validation.staff.endsBeforeStart");
            }
            if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
                throw InvalidInputException.of("endsAt", "validation.staff.shiftTooLong", LONGEST.toHours());
            }
            LocalDate startDay = starts.atZone(BusinessTime.ZONE).toLocalDate();
            if (!startDay.equals(command.date())) {
                throw InvalidInputException.of("startsAt", "validation.staff.shiftDate", command.date());
            }
        }
        if (repository.overlaps(userId, starts, ends)) {
            throw new ConflictException("error.staff.shiftOverlap", profile.username());
        }
        Shift shift = new Shift(0, userId, command.date(), code, starts, ends,
                StaffProfiles.blankToNull(command.note()));
        long id = repository.insert(userId, shift, actor.username(), Instant.now(clock));
        audit.record("STAFF_SHIFT_ADDED", ENTITY, String.valueOf(id), "%s %s %s %s–%s".formatted(profile.username(),
                command.date(), code == null ? "" : code, starts, ends));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public void delete(long userId, long shiftId, Actor actor) {
        StaffProfiles.requireManager(actor);
        StaffProfile profile = profiles.load(userId, units.scopeOf(actor));
        Shift shift = repository.find(shiftId).filter(s -> s.userId() == userId)
                .orElseThrow(() -> new NotFoundException(ENTITY, shiftId));
        repository.delete(shiftId);
        audit.record("STAFF_SHIFT_DELETED", ENTITY, String.valueOf(shiftId), "%s %s %s–%s".formatted(
                profile.username(), shift.date(), shift.startsAt(), shift.endsAt()));
    }

    /** Of these people, those on duty at {@code at}, with the end of their shift. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> onDuty(Collection<Long> userIds, Instant at) {
        return repository.onDuty(userIds, at);
    }
}
