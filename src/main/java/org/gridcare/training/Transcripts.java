package org.gridcare.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training module's answers for other modules (performance reads these) and the transcript page: hours
 * completed in a period, hours required by the plans, and the share of due enrolments completed. Periods are
 * calendar days in Asia/Shanghai, both ends included; an hour counts on the day its course was completed.
 */
@Service
public class Transcripts {

    private final TrainingRepository repository;
    private final TrainingAccess access;
    private final StaffPositions positions;
    private final Users users;
    private final TrainingProperties properties;

    Transcripts(TrainingRepository repository, TrainingAccess access, StaffPositions positions, Users users,
                TrainingProperties properties) {
        this.repository = repository;
        this.access = access;
        this.positions = positions;
        this.users = users;
        this.properties = properties;
    }

    /** Hours credited for courses completed from {@code from} to {@code to} (both included). */
    @Transactional(readOnly = true)
    public BigDecimal hoursCompleted(long userId, LocalDate from, LocalDate to) {
        return repository.hoursCompleted(userId, start(from), start(to.plusDays(1)));
    }

    /**
     * The hours the user's position must complete in {@code year} by the annual plan of the nearest unit (their own
     * first, then the units above it) that names the position; zero when no plan does.
     */
    @Transactional(readOnly = true)
    public BigDecimal requiredHours(long userId, int year) {
        return users.member(userId).map(m -> required(m, year, null)).orElse(BigDecimal.ZERO);
    }

    /** The same for one quarter (1–4), by the quarterly plans; zero when none names the position. */
    @Transactional(readOnly = true)
    public BigDecimal requiredHours(long userId, int year, int quarter) {
        return users.member(userId).map(m -> required(m, year, quarter)).orElse(BigDecimal.ZERO);
    }

    /**
     * The enrolments due in the period (a session starting in it, or a read-and-acknowledge course due in it) and
     * how many are completed. {@code rate} is completed/due rounded to 0.0001, null when nothing was due.
     */
    @Transactional(readOnly = true)
    public Completion completion(long userId, LocalDate from, LocalDate to) {
        long[] counts = repository.completion(userId, start(from), start(to.plusDays(1)));
        BigDecimal rate = counts[0] == 0 ? null
                : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
        return new Completion(counts[0], counts[1], rate);
    }

    /** Enrolments due in a period and completed of them. */
    public record Completion(long due, long completed, BigDecimal rate) {
    }

    /**
     * A staff member's transcript for a year: their own, one of the staff in their data scope (supervisors,
     * trainers, managers), or a member of a team they lead (the staff module's team leaders); anyone else's answers
     * 404.
     */
    @Transactional(readOnly = true)
    public Transcript transcript(long userId, int year, Actor actor) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "validation.training.year");
        }
        StaffMember member = users.member(userId)
                .filter(m -> m.userId() == actor.userId()
                        || (TrainingAccess.leads(actor) && access.scope(actor).includes(m.unitId()))
                        || positions.leads(actor.userId(), m.userId()))
                .orElseThrow(() -> new NotFoundException("Transcript", userId));
        BigDecimal required = required(member, year, null);
        BigDecimal completed = hoursCompleted(userId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        BigDecimal remaining = required.subtract(completed).max(BigDecimal.ZERO);
        List<TrainingViews.Enrolment> courses = repository.enrolmentViews("e.user_id = :u and e.status <> 'CANCELLED'",
                Map.of("u", userId), properties.defaultMaxAttempts());
        return new Transcript(member.userId(), member.username(), member.displayName(),
                access.unitCode(member.unitId()), positions.positionOf(member).orElse(null), year, required,
                completed, remaining, courses);
    }

    private BigDecimal required(StaffMember member, int year, Integer quarter) {
        Optional<String> position = positions.positionOf(member);
        if (position.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return repository.requiredHours(access.unitPath(member.unitId()), position.get(), year, quarter)
                .orElse(BigDecimal.ZERO);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toInstant();
    }
}
