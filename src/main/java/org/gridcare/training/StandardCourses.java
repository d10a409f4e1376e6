package org.gridcare.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridcare.audit.AuditTrail;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.standards.StandardPublished;
import org.gridcare.standards.StandardReading;
import org.gridcare.training.TrainingRepository.CourseRow;
import org.gridcare.training.TrainingRepository.EnrolmentRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read-and-acknowledge course of a standard version (标准宣贯): created when the version comes into force, with
 * the staff it binds enrolled (mandatory, due after gridcare.training.acknowledge-days). Completing the course
 * acknowledges the version in the standards module — that is the one direction of the link: the standards module
 * knows nothing of training, and an acknowledgement given on the standard's page does not complete the course.
 */
@Service
class StandardCourses {

    private final TrainingRepository repository;
    private final StandardReading standards;
    private final Users users;
    private final TrainingAccess access;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final TrainingProperties properties;
    private final Clock clock;

    StandardCourses(TrainingRepository repository, StandardReading standards, Users users, TrainingAccess access,
                    Sessions sessions, AuditTrail audit, TrainingProperties properties, Clock clock) {
        this.repository = repository;
        this.standards = standards;
        this.users = users;
        this.access = access;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the course of the version (once) and enrols its bound staff (once each: safe to run again). */
    @Transactional
    public int enrol(StandardPublished event) {
        List<StaffMember> bound = event.boundUserIds().stream().map(users::member).flatMap(Optional::stream)
                .toList();
        if (bound.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now(clock);
        CourseRow course = repository.standardCourse(event.code(), event.versionNumber()).orElseGet(() -> {
            String title = standards.titleOf(event.code()).orElse(event.code());
            String code = "ACK-" + event.code() + "-V" + event.versionNumber();
            if (code.length() > 40) {
                code = "ACK-V" + event.versionId();
            }
            List<Long> path = access.unitPath(bound.get(0).unitId());
            long top = path.get(path.size() - 1);
            long id = repository.insertCourse(new CourseRow(0, code, "阅读并确认：%s（第 %d 版）".formatted(title,
                    event.versionNumber()), CourseTopic.STANDARDS, CourseMode.ONLINE, "READ_ACKNOWLEDGE",
                    properties.acknowledgeCourseHours(), "%s %s v%d".formatted(event.code(), title,
                    event.versionNumber()), top, null, null, MultipleChoiceRule.ALL_OR_NOTHING, event.code(),
                    event.versionNumber(), 0), "system", now);
            repository.insertMaterial(id, MaterialKind.STANDARD, title, event.code(), null, null, null, null,
                    "system", now);
            audit.record("TRAINING_COURSE_CREATED", Courses.ENTITY, code, "read-and-acknowledge course of %s v%d"
                    .formatted(event.code(), event.versionNumber()));
            return repository.course(id).orElseThrow();
        });
        Instant base = event.effectiveFrom().isAfter(now) ? event.effectiveFrom() : now;
        Instant due = base.plus(Duration.ofDays(properties.acknowledgeDays()));
        int enrolled = 0;
        for (StaffMember member : bound) {
            long id = repository.insertEnrolment(new EnrolmentRow(0, course.id(), null, member.userId(),
                    member.username(), member.displayName(), member.unitId(), "STANDARD", "ENROLLED", null, null, null,
                    null, due, null, 0), now);
            if (id > 0) {
                enrolled++;
            }
        }
        audit.record("TRAINING_STANDARD_ENROLLED", Courses.ENTITY, course.code(), "%d of %d bound staff enrolled, due %s"
                .formatted(enrolled, bound.size(), due));
        return enrolled;
    }

    /** The staff member read the standard: the course completes and the standard version is acknowledged. */
    @Transactional
    public TrainingViews.Enrolment acknowledge(long enrolmentId, Actor actor) {
        EnrolmentRow e = repository.lockEnrolment(enrolmentId).filter(r -> r.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException(Sessions.ENROLMENT, enrolmentId));
        CourseRow course = repository.course(e.courseId()).orElseThrow();
        if (!course.readAcknowledge()) {
            throw new ConflictException("training.error.notReadAcknowledge", course.code());
        }
        if (!"ENROLLED".equals(e.status())) {
            throw new ConflictException("training.error.alreadyCompleted", enrolmentId);
        }
        sessions.complete(e, course, Instant.now(clock));
        boolean acknowledged = standards.acknowledge(course.standardCode(), course.standardVersion(), actor);
        audit.record("TRAINING_STANDARD_READ", Sessions.ENROLMENT, String.valueOf(enrolmentId), "%s v%d read%s"
                .formatted(course.standardCode(), course.standardVersion(),
                        acknowledged ? " and acknowledged" : " (already acknowledged on the standard)"));
        return sessions.enrolmentView(enrolmentId);
    }
}
