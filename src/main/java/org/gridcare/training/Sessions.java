package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.training.TrainingRepository.CourseRow;
import org.gridcare.training.TrainingRepository.EnrolmentRow;
import org.gridcare.training.TrainingRepository.SessionRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Sessions, enrolment, attendance and exam attempts. A seat is taken by one conditional update of the session's
 * count, so concurrent enrolments never over-book (the last seat goes to one of them, the others get 409). An
 * enrolment is COMPLETED — hours credited, certificate issued — once the staff member was present (not needed for
 * ONLINE courses) and, when the course has an exam, passed it.
 */
@Service
class Sessions {

    static final String SESSION = "TrainingSession";
    static final String ENROLMENT = "TrainingEnrolment";

    private final TrainingRepository repository;
    private final Courses courses;
    private final TrainingAccess access;
    private final Users users;
    private final AuditTrail audit;
    private final TrainingProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Sessions(TrainingRepository repository, Courses courses, TrainingAccess access, Users users, AuditTrail audit,
             TrainingProperties properties, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.courses = courses;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    // ---- sessions

    @Transactional
    public TrainingViews.Session schedule(TrainingCommands.NewSession command, Actor actor) {
        List<Violation> errors = new ArrayList<>();
        CourseRow course = null;
        try {
            course = courses.visible(command.courseCode(), actor);
            if (course.readAcknowledge()) {
                errors.add(new Violation("courseCode", "validation.training.noSessions"));
            }
        } catch (NotFoundException e) {
            errors.add(new Violation("courseCode", "validation.training.unknownCourse", command.courseCode()));
        }
        Instant now = Instant.now(clock);
        if (command.startsAt().isBefore(now)) {
            errors.add(new Violation("startsAt", "validation.training.inThePast"));
        }
        if (!command.endsAt().isAfter(command.startsAt())) {
            errors.add(new Violation("endsAt", "validation.training.endsBeforeStart"));
        }
        if (command.capacity() < 1 || command.capacity() > 1000) {
            errors.add(new Violation("capacity", "validation.training.capacity"));
        }
        StaffMember trainer = users.member(command.trainer().trim()).orElse(null);
        if (trainer == null) {
            errors.add(new Violation("trainer", "validation.training.unknownStaff", command.trainer()));
        }
        OrgUnit unit = null;
        try {
            unit = access.unitFor(command.unitCode(), actor, "unitCode");
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = repository.insertSession(new SessionRow(0, course.id(), unit.id().value(), command.startsAt(),
                command.endsAt(), command.place().trim(), trainer.username(), command.capacity(), 0, "SCHEDULED", 0),
                actor.username(), now);
        audit.record("TRAINING_SESSION_SCHEDULED", SESSION, String.valueOf(id), "%s at %s, %s, trainer %s, %d seats"
                .formatted(course.code(), command.startsAt(), command.place().trim(), trainer.username(),
                        command.capacity()));
        return sessionView(repository.session(id).orElseThrow(), course, actor);
    }

    @Transactional(readOnly = true)
    public List<TrainingViews.Session> list(String courseCode, boolean upcoming, Actor actor) {
        Long courseId = null;
        if (courseCode != null && !courseCode.isBlank()) {
            courseId = courses.visible(courseCode, actor).id();
        }
        DataScope scope = access.scope(actor);
        Map<Long, CourseRow> courseCache = new HashMap<>();
        Map<Long, Long> mine = myEnrolments(actor);
        return repository.sessions(scope.all(), scope.unitIdArray(), access.openUnits(actor), courseId,
                        upcoming ? Instant.now(clock) : null).stream()
                .map(s -> sessionView(s, courseCache.computeIfAbsent(s.courseId(),
                        id -> repository.course(id).orElseThrow()), mine))
                .toList();
    }

    @Transactional(readOnly = true)
    public TrainingViews.Session get(long id, Actor actor) {
        SessionRow s = visibleSession(id, actor);
        return sessionView(s, repository.course(s.courseId()).orElseThrow(), actor);
    }

    /** The session's enrolments (trainers, managers, the session's trainer). */
    @Transactional(readOnly = true)
    public List<TrainingViews.Enrolment> roster(long id, Actor actor) {
        SessionRow s = teachable(id, actor);
        return repository.enrolmentViews("e.session_id = :s and e.status <> 'CANCELLED'", Map.of("s", s.id()),
                properties.defaultMaxAttempts());
    }

    @Transactional
    public TrainingViews.Session cancel(long id, Integer version, Actor actor) {
        SessionRow s = repository.session(id).orElseThrow(() -> new NotFoundException(SESSION, id));
        access.requireManaged(s.unitId(), actor, SESSION, id);
        if (version == null) {
            throw InvalidInputException.of("version", "validation.training.required");
        }
        if (!"SCHEDULED".equals(s.status())) {
            throw new ConflictException("training.error.sessionCancelled", id);
        }
        Instant now = Instant.now(clock);
        if (!repository.cancelSession(id, version, now)) {
            throw ConflictException.staleVersion(SESSION, id);
        }
        int cancelled = 0;
        for (TrainingViews.Enrolment e : repository.enrolmentViews("e.session_id = :s and e.status = 'ENROLLED'",
                Map.of("s", id), properties.defaultMaxAttempts())) {
            EnrolmentRow row = repository.lockEnrolment(e.id()).orElseThrow();
            repository.updateEnrolment(with(row, "CANCELLED", row.attendance(), row.bestScore(), row.passed(), null,
                    null), now, null);
            cancelled++;
        }
        audit.record("TRAINING_SESSION_CANCELLED", SESSION, String.valueOf(id), "%d enrolments cancelled"
                .formatted(cancelled));
        return get(id, actor);
    }

    // ---- enrolment

    /** Enrols the caller, or (trainers, managers) the staff member named, in a session with a free seat. */
    @Transactional
    public TrainingViews.Enrolment enrol(long sessionId, String username, Actor actor) {
        SessionRow s = visibleSession(sessionId, actor);
        CourseRow course = repository.course(s.courseId()).orElseThrow();
        StaffMember member;
        String source;
        if (username == null || username.isBlank() || username.trim().equalsIgnoreCase(actor.username())) {
            member = users.member(actor.userId()).orElseThrow(() -> new NotFoundException("User", actor.username()));
            source = "SELF";
        } else {
            if (!TrainingAccess.manages(actor)) {
                throw new org.springframework.security.access.AccessDeniedException("enrol others");
            }
            DataScope scope = access.scope(actor);
            member = users.member(username.trim()).filter(m -> scope.includes(m.unitId()))
                    .orElseThrow(() -> InvalidInputException.of("username", "validation.training.unknownStaff",
                            username));
            source = "ASSIGNED";
        }
        if (!"SCHEDULED".equals(s.status())) {
            throw new ConflictException("training.error.sessionCancelled", sessionId);
        }
        Instant now = Instant.now(clock);
        if (!now.isBefore(s.startsAt())) {
            throw new ConflictException("training.error.sessionStarted", sessionId);
        }
        if (!repository.takeSeat(sessionId)) {
            throw new ConflictException("training.error.sessionFull", sessionId, s.capacity());
        }
        long id = repository.insertEnrolment(new EnrolmentRow(0, course.id(), sessionId, member.userId(),
                member.username(), member.displayName(), member.unitId(), source, "ENROLLED", null, null, null, null,
                s.startsAt(), null, 0), now);
        if (id < 0) {
            // the seat taken above is given back by the rollback
            throw new ConflictException("training.error.alreadyEnrolled", member.username(), sessionId);
        }
        audit.record("TRAINING_ENROLLED", ENROLMENT, String.valueOf(id), "%s in session %d of %s (%s)"
                .formatted(member.username(), sessionId, course.code(), source));
        return enrolmentView(id);
    }

    /** Cancels an enrolment before its session starts and gives the seat back. */
    @Transactional
    public TrainingViews.Enrolment withdraw(long enrolmentId, Actor actor) {
        EnrolmentRow e = repository.lockEnrolment(enrolmentId)
                .orElseThrow(() -> new NotFoundException(ENROLMENT, enrolmentId));
        boolean own = e.userId() == actor.userId();
        if (!own && !(TrainingAccess.manages(actor) && access.scope(actor).includes(e.unitId()))) {
            throw new NotFoundException(ENROLMENT, enrolmentId);
        }
        if (!"ENROLLED".equals(e.status()) || e.sessionId() == null) {
            throw new ConflictException("training.error.cannotWithdraw", enrolmentId);
        }
        SessionRow s = repository.session(e.sessionId()).orElseThrow();
        Instant now = Instant.now(clock);
        if (!now.isBefore(s.startsAt())) {
            throw new ConflictException("training.error.sessionStarted", s.id());
        }
        repository.updateEnrolment(with(e, "CANCELLED", null, e.bestScore(), e.passed(), null, null), now, null);
        repository.releaseSeat(s.id());
        audit.record("TRAINING_WITHDRAWN", ENROLMENT, String.valueOf(enrolmentId), "%s left session %d"
                .formatted(e.username(), s.id()));
        return enrolmentView(enrolmentId);
    }

    @Transactional(readOnly = true)
    public TrainingViews.Enrolment enrolment(long id, Actor actor) {
        EnrolmentRow e = repository.enrolment(id).orElseThrow(() -> new NotFoundException(ENROLMENT, id));
        if (e.userId() != actor.userId() && !(TrainingAccess.leads(actor) && access.scope(actor).includes(e.unitId()))) {
            throw new NotFoundException(ENROLMENT, id);
        }
        return enrolmentView(id);
    }

    /** The caller's own enrolments, newest first. */
    @Transactional(readOnly = true)
    public List<TrainingViews.Enrolment> mine(Actor actor) {
        return repository.enrolmentViews("e.user_id = :u and e.status <> 'CANCELLED'", Map.of("u", actor.userId()),
                properties.defaultMaxAttempts());
    }

    // ---- attendance

    /**
     * Records who was present and who absent, once the session has started; the session's trainer or a trainer or
     * manager of its unit. Completed enrolments keep their attendance.
     */
    @Transactional
    public List<TrainingViews.Enrolment> attendance(long sessionId, TrainingCommands.Attendance command, Actor actor) {
        SessionRow s = teachable(sessionId, actor);
        if (!"SCHEDULED".equals(s.status())) {
            throw new ConflictException("training.error.sessionCancelled", sessionId);
        }
        Instant now = Instant.now(clock);
        if (now.isBefore(s.startsAt())) {
            throw new ConflictException("training.error.notStarted", sessionId);
        }
        List<Long> present = command.present() == null ? List.of() : command.present();
        List<Long> absent = command.absent() == null ? List.of() : command.absent();
        if (present.isEmpty() && absent.isEmpty()) {
            throw InvalidInputException.of("present", "validation.training.required");
        }
        Set<Long> both = new HashSet<>(present);
        both.retainAll(absent);
        if (!both.isEmpty()) {
            throw InvalidInputException.of("absent", "validation.training.presentAndAbsent", both.iterator().next());
        }
        CourseRow course = repository.course(s.courseId()).orElseThrow();
        Map<Long, String> marks = new LinkedHashMap<>();
        present.forEach(id -> marks.put(id, "PRESENT"));
        absent.forEach(id -> marks.put(id, "ABSENT"));
        int changed = 0;
        for (Map.Entry<Long, String> mark : marks.entrySet()) {
            EnrolmentRow e = repository.lockEnrolment(mark.getKey()).filter(r -> r.sessionId() != null
                            && r.sessionId() == sessionId && !"CANCELLED".equals(r.status()))
                    .orElseThrow(() -> InvalidInputException.of(mark.getValue().equals("PRESENT") ? "present" : "absent",
                            "validation.training.notInSession", mark.getKey()));
            if ("COMPLETED".equals(e.status()) || mark.getValue().equals(e.attendance())) {
                continue;
            }
            EnrolmentRow marked = with(e, e.status(), mark.getValue(), e.bestScore(), e.passed(), null, null);
            repository.updateEnrolment(marked, now, actor.username());
            completeIfDue(repository.enrolment(e.id()).orElseThrow(), course, now);
            changed++;
        }
        audit.record("TRAINING_ATTENDANCE_RECORDED", SESSION, String.valueOf(sessionId),
                "%d present, %d absent, %d changed".formatted(present.size(), absent.size(), changed));
        return roster(sessionId, actor);
    }

    // ---- exams

    @Transactional(readOnly = true)
    public TrainingViews.Paper paper(long enrolmentId, Actor actor) {
        EnrolmentRow e = own(enrolmentId, actor);
        CourseRow course = repository.course(e.courseId()).orElseThrow();
        if (!course.hasExam()) {
            throw new ConflictException("training.error.noExam", course.code());
        }
        return new TrainingViews.Paper(e.id(), course.code(), course.title(), course.passMark(),
                courses.maxAttempts(course), repository.attempts(e.id()), course.multipleRule(),
                courses.questions(course.id(), false));
    }

    /** Scores an attempt of the caller's own exam against the current question bank. */
    @Transactional
    public TrainingViews.Attempt submit(long enrolmentId, TrainingCommands.AttemptAnswers command, Actor actor) {
        EnrolmentRow e = repository.lockEnrolment(enrolmentId).filter(r -> r.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException(ENROLMENT, enrolmentId));
        CourseRow course = repository.course(e.courseId()).orElseThrow();
        if (!course.hasExam()) {
            throw new ConflictException("training.error.noExam", course.code());
        }
        if ("CANCELLED".equals(e.status())) {
            throw new ConflictException("training.error.enrolmentCancelled", enrolmentId);
        }
        if (Boolean.TRUE.equals(e.passed())) {
            throw new ConflictException("training.error.alreadyPassed", enrolmentId);
        }
        int used = repository.attempts(enrolmentId);
        int max = courses.maxAttempts(course);
        if (used >= max) {
            throw new ConflictException("training.error.noAttemptsLeft", max);
        }
        List<TrainingViews.Question> bank = courses.questions(course.id(), true);
        if (bank.isEmpty()) {
            throw new ConflictException("training.error.noQuestions", course.code());
        }
        Map<Long, Set<Long>> answers = answers(command, bank);
        List<ExamScoring.Question> paper = bank.stream().map(q -> new ExamScoring.Question(q.id(), q.kind(),
                q.points(), q.options().stream().filter(o -> Boolean.TRUE.equals(o.correct()))
                .map(TrainingViews.Option::id).collect(Collectors.toSet()))).toList();
        ExamScoring.Result result = ExamScoring.score(paper, answers, course.multipleRule(), course.passMark());
        Instant now = Instant.now(clock);
        long attemptId = repository.insertAttempt(enrolmentId, used + 1, result, json.writeValueAsString(answers), now);
        BigDecimal best = e.bestScore() == null || result.score().compareTo(e.bestScore()) > 0 ? result.score()
                : e.bestScore();
        EnrolmentRow scored = with(e, e.status(), e.attendance(), best, result.passed(), null, null);
        repository.updateEnrolment(scored, now, null);
        completeIfDue(repository.enrolment(enrolmentId).orElseThrow(), course, now);
        audit.record("TRAINING_EXAM_ATTEMPTED", ENROLMENT, String.valueOf(enrolmentId), "attempt %d of %d: %s%% (%s/%s), %s"
                .formatted(used + 1, max, result.score(), result.points(), result.maxPoints(),
                        result.passed() ? "passed" : "failed"));
        return new TrainingViews.Attempt(attemptId, used + 1, result.score(), result.points(), result.maxPoints(),
                result.passed(), now, enrolmentView(enrolmentId));
    }

    private static Map<Long, Set<Long>> answers(TrainingCommands.AttemptAnswers command,
                                                List<TrainingViews.Question> bank) {
        Map<Long, TrainingViews.Question> byId = bank.stream().collect(Collectors.toMap(TrainingViews.Question::id,
                q -> q));
        Map<Long, Set<Long>> answers = new HashMap<>();
        List<TrainingCommands.Answer> given = command.answers();
        for (int i = 0; i < given.size(); i++) {
            TrainingCommands.Answer a = given.get(i);
            TrainingViews.Question q = byId.get(a.questionId());
            if (q == null) {
                throw InvalidInputException.of("answers[" + i + "].questionId", "validation.training.unknownQuestion",
                        a.questionId());
            }
            if (answers.containsKey(q.id())) {
                throw InvalidInputException.of("answers[" + i + "].questionId", "validation.training.answeredTwice",
                        a.questionId());
            }
            Set<Long> chosen = new HashSet<>(a.optionIds() == null ? List.of() : a.optionIds());
            Set<Long> valid = q.options().stream().map(TrainingViews.Option::id).collect(Collectors.toSet());
            if (!valid.containsAll(chosen)) {
                throw InvalidInputException.of("answers[" + i + "].optionIds", "validation.training.unknownOption",
                        a.questionId());
            }
            if (q.kind() != QuestionKind.MULTIPLE && chosen.size() > 1) {
                throw InvalidInputException.of("answers[" + i + "].optionIds", "validation.training.oneOption",
                        a.questionId());
            }
            answers.put(q.id(), chosen);
        }
        return answers;
    }

    // ---- completion

    /** Completes the enrolment when its course's conditions are met: hours credited and a certificate issued. */
    void completeIfDue(EnrolmentRow e, CourseRow course, Instant now) {
        if (!"ENROLLED".equals(e.status()) || course.readAcknowledge()) {
            return;
        }
        boolean attended = course.mode() == CourseMode.ONLINE || "PRESENT".equals(e.attendance());
        boolean examPassed = !course.hasExam() || Boolean.TRUE.equals(e.passed());
        if (attended && examPassed) {
            complete(e, course, now);
        }
    }

    void complete(EnrolmentRow e, CourseRow course, Instant now) {
        EnrolmentRow done = with(e, "COMPLETED", e.attendance(), e.bestScore(), e.passed(), course.hours(), now);
        if (!repository.updateEnrolment(done, now, null)) {
            throw ConflictException.staleVersion(ENROLMENT, e.id());
        }
        String certificate = repository.insertCertificate(e.id(), e.userId(), course.id(), course.hours(),
                e.bestScore(), now, now.atZone(BusinessTime.ZONE).getYear());
        audit.record("TRAINING_COMPLETED", ENROLMENT, String.valueOf(e.id()), "%s completed %s: %s h, certificate %s"
                .formatted(e.username(), course.code(), course.hours(), certificate));
        events.publishEvent(new TrainingCompleted(e.id(), e.userId(), e.username(), e.unitId(), course.code(),
                course.title(), course.hours(), course.hasExam() ? e.bestScore() : null, now));
    }

    static EnrolmentRow with(EnrolmentRow e, String status, String attendance, BigDecimal best, Boolean passed,
                             BigDecimal hours, Instant completedAt) {
        return new EnrolmentRow(e.id(), e.courseId(), e.sessionId(), e.userId(), e.username(), e.displayName(),
                e.unitId(), e.source(), status, attendance, best, passed, hours, e.dueAt(), completedAt, e.version());
    }

    // ---- helpers

    TrainingViews.Enrolment enrolmentView(long id) {
        return repository.enrolmentViews("e.id = :id", Map.of("id", id), properties.defaultMaxAttempts()).get(0);
    }

    private EnrolmentRow own(long enrolmentId, Actor actor) {
        return repository.enrolment(enrolmentId).filter(r -> r.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException(ENROLMENT, enrolmentId));
    }

    private SessionRow visibleSession(long id, Actor actor) {
        return repository.session(id).filter(s -> access.offeredTo(s.unitId(), actor))
                .orElseThrow(() -> new NotFoundException(SESSION, id));
    }

    /** A session the caller teaches: its trainer, or a trainer or manager of its unit. */
    private SessionRow teachable(long id, Actor actor) {
        SessionRow s = repository.session(id).orElseThrow(() -> new NotFoundException(SESSION, id));
        if (!s.trainer().equalsIgnoreCase(actor.username())) {
            access.requireManaged(s.unitId(), actor, SESSION, id);
        }
        return s;
    }

    private Map<Long, Long> myEnrolments(Actor actor) {
        Map<Long, Long> bySession = new HashMap<>();
        for (TrainingViews.Enrolment e : mine(actor)) {
            if (e.sessionId() != null) {
                bySession.put(e.sessionId(), e.id());
            }
        }
        return bySession;
    }

    private TrainingViews.Session sessionView(SessionRow s, CourseRow c, Actor actor) {
        return sessionView(s, c, myEnrolments(actor));
    }

    private TrainingViews.Session sessionView(SessionRow s, CourseRow c, Map<Long, Long> mine) {
        return new TrainingViews.Session(s.id(), c.id(), c.code(), c.title(), c.mode(), c.hours(), c.hasExam(),
                access.unitCode(s.unitId()), s.startsAt(), s.endsAt(), s.place(), s.trainer(), s.capacity(),
                s.enrolled(), s.status(), mine.get(s.id()), s.version());
    }
}
