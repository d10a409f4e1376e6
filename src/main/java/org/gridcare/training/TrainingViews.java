package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the training API and console show. Correct options are only in the trainers' view of the question bank. */
public final class TrainingViews {

    private TrainingViews() {
    }

    /** A course; {@code exam} is null when it has none; materials and cases are only filled for a single course. */
    public record Course(long id, String code, String title, CourseTopic topic, CourseMode mode, String kind,
                         BigDecimal hours, String description, String unitCode, Exam exam, String standardCode,
                         Integer standardVersion, List<Material> materials, List<Case> cases, int version) {
    }

    /** A course's exam settings and the size of its active question bank. */
    public record Exam(BigDecimal passMark, int maxAttempts, MultipleChoiceRule multipleRule, int questions) {
    }

    public record Material(long id, MaterialKind kind, String title, String standardCode, String url,
                           String filename, String contentType, Long size) {
    }

    /** A question; {@code correct} of its options is null on an exam paper. */
    public record Question(long id, QuestionKind kind, String text, BigDecimal points, List<Option> options) {
    }

    public record Option(long id, String label, Boolean correct) {
    }

    /** What a staff member sees to take the exam of an enrolment. */
    public record Paper(long enrolmentId, String courseCode, String courseTitle, BigDecimal passMark, int maxAttempts,
                        int attemptsUsed, MultipleChoiceRule multipleRule, List<Question> questions) {
    }

    /** One exam attempt with its result and the enrolment after it. */
    public record Attempt(long id, int number, BigDecimal score, BigDecimal points, BigDecimal maxPoints,
                          boolean passed, Instant submittedAt, Enrolment enrolment) {
    }

    /** A session (培训班次); {@code myEnrolmentId}: the caller's active enrolment in it, if any. */
    public record Session(long id, long courseId, String courseCode, String courseTitle, CourseMode mode,
                          BigDecimal hours, boolean hasExam, String unitCode, Instant startsAt, Instant endsAt,
                          String place, String trainer, int capacity, int enrolled, String status,
                          Long myEnrolmentId, int version) {
    }

    /** A staff member in a course: attendance, exam result, credited hours and certificate. */
    public record Enrolment(long id, long courseId, String courseCode, String courseTitle, CourseTopic topic,
                            CourseMode mode, String courseKind, Long sessionId, Instant sessionStartsAt,
                            long userId, String username, String displayName, String source, String status,
                            String attendance, boolean hasExam, BigDecimal bestScore, Boolean passed, int attempts,
                            int maxAttempts, BigDecimal hoursCredited, Instant dueAt, Instant completedAt,
                            String certificateNumber, int version) {
    }

    /** A training plan of a unit for a year (quarter null) or a quarter, with the hours required per position. */
    public record Plan(long id, String unitCode, int year, Integer quarter, String title,
                       List<Requirement> requirements, List<String> courseCodes, int version) {
    }

    public record Requirement(String position, BigDecimal requiredHours) {
    }

    /** A position a plan may require hours of. */
    public record Position(String code, String nameZh, String nameEn) {
    }

    /** An anonymised teaching case of the case library. */
    public record Case(long id, String source, String sourceRef, String title, String category, String narrative,
                       String handling, String lesson, String unitCode, String createdBy, Instant createdAt,
                       List<String> courseCodes) {
    }
}
