package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What callers send to the training module. Domain rules beyond these annotations are checked by the services. */
final class TrainingCommands {

    private TrainingCommands() {
    }

    /**
     * A new course. An exam is set by {@code passMark} (0–100); {@code maxAttempts} defaults to
     * gridcare.training.default-max-attempts, {@code multipleRule} to ALL_OR_NOTHING.
     */
    record NewCourse(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String title,
                     @NotNull CourseTopic topic, @NotNull CourseMode mode, @NotNull BigDecimal hours,
                     @Size(max = 4000) String description, @Size(max = 32) String unitCode, BigDecimal passMark,
                     Integer maxAttempts, MultipleChoiceRule multipleRule) {
    }

    /** A question of the bank; options in the order shown. TRUE_FALSE takes exactly two options. */
    record NewQuestion(@NotNull QuestionKind kind, @NotBlank @Size(max = 2000) String text, BigDecimal points,
                       @NotEmpty @Size(max = 10) List<@Valid NewOption> options) {
    }

    record NewOption(@NotBlank @Size(max = 500) String label, boolean correct) {
    }

    /** A link material: a standard by its code (STANDARD) or a knowledge article by its http(s) URL (ARTICLE). */
    record NewLink(@NotNull MaterialKind kind, @NotBlank @Size(max = 200) String title,
                   @Size(max = 40) String standardCode, @Size(max = 1000) String url) {
    }

    /** A session of a course; {@code trainer} is a username; unit: blank = the caller's. */
    record NewSession(@NotBlank @Size(max = 40) String courseCode, @NotNull Instant startsAt, @NotNull Instant endsAt,
                      @NotBlank @Size(max = 200) String place, @NotBlank @Size(max = 100) String trainer,
                      @NotNull Integer capacity, @Size(max = 32) String unitCode) {
    }

    /** Enrol the caller, or (trainers, managers) the staff member named. */
    record Enrol(@Size(max = 100) String username) {
    }

    /** Attendance of a session: the enrolments present and absent. */
    record Attendance(List<Long> present, List<Long> absent) {
    }

    /** An exam attempt: the options chosen per question (a question left out is unanswered). */
    record AttemptAnswers(@NotNull @Size(max = 200) List<@Valid Answer> answers) {
    }

    record Answer(@NotNull Long questionId, List<Long> optionIds) {
    }

    /** A plan of a unit for a year or (quarter 1–4) a quarter of it. */
    record NewPlan(@Size(max = 32) String unitCode, @NotNull Integer year, Integer quarter,
                   @NotBlank @Size(max = 200) String title, @NotNull @Size(max = 50) List<@Valid Requirement> requirements,
                   @Size(max = 100) List<String> courseCodes) {
    }

    record Requirement(@NotBlank String position, @NotNull BigDecimal requiredHours) {
    }

    /** A teaching case from a closed complaint (COMPLAINT: its case id) or an exemplary order (WORK_ORDER: number). */
    record NewCase(@NotNull CaseSource source, @NotBlank @Size(max = 40) String reference,
                   @NotBlank @Size(max = 200) String title, @Size(max = 4000) String lesson,
                   @Size(max = 20) List<String> courseCodes) {
    }

    enum CaseSource {
        COMPLAINT, WORK_ORDER
    }
}
