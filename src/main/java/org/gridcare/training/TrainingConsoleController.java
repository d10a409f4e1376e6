package org.gridcare.training;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training console: "my training" (sessions to enrol in, my enrolments, the exam, my transcript) for every
 * staff member, and for trainers the courses with their question bank, materials and sessions, a session's
 * attendance, the plans and the case library.
 */
@ConsoleController
@RequestMapping("/training")
@PreAuthorize("isAuthenticated()")
class TrainingConsoleController {

    private final Courses courses;
    private final Sessions sessions;
    private final TrainingPlans plans;
    private final Transcripts transcripts;
    private final CaseLibrary cases;
    private final StandardCourses standardCourses;
    private final StaffPositions positions;
    private final MessageSource messages;
    private final Clock clock;

    TrainingConsoleController(Courses courses, Sessions sessions, TrainingPlans plans, Transcripts transcripts,
                              CaseLibrary cases, StandardCourses standardCourses, StaffPositions positions,
                              MessageSource messages, Clock clock) {
        this.courses = courses;
        this.sessions = sessions;
        this.plans = plans;
        this.transcripts = transcripts;
        this.cases = cases;
        this.standardCourses = standardCourses;
        this.positions = positions;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- my training

    @GetMapping
    String mine(Model model) {
        Actor actor = Actors.required();
        model.addAttribute("enrolments", sessions.mine(actor));
        model.addAttribute("sessions", sessions.list(null, true, actor));
        return "training/mine";
    }

    @PostMapping("/sessions/{id:\\d+}/enrol")
    String enrol(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "redirect:/training", () -> {
            TrainingViews.Enrolment e = sessions.enrol(id, null, Actors.required());
            notice(redirect, "training.enrolled", e.courseTitle());
        });
    }

    @PostMapping("/enrolments/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "redirect:/training", () -> {
            TrainingViews.Enrolment e = sessions.withdraw(id, Actors.required());
            notice(redirect, "training.withdrawn", e.courseTitle());
        });
    }

    @PostMapping("/enrolments/{id:\\d+}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "redirect:/training", () -> {
            TrainingViews.Enrolment e = standardCourses.acknowledge(id, Actors.required());
            notice(redirect, "training.acknowledged", e.courseTitle());
        });
    }

    @GetMapping("/enrolments/{id:\\d+}/exam")
    String exam(@PathVariable long id, Model model) {
        model.addAttribute("paper", sessions.paper(id, Actors.required()));
        return "training/exam";
    }

    /** The answers come as {@code q<questionId>=<optionId>} (several for a multiple-choice question). */
    @PostMapping("/enrolments/{id:\\d+}/exam")
    String submitExam(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request,
                      RedirectAttributes redirect) {
        List<TrainingCommands.Answer> answers = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("q\\d{1,18}")) {
                List<Long> options = new ArrayList<>();
                for (String v : values) {
                    if (v.matches("\\d{1,18}")) {
                        options.add(Long.valueOf(v));
                    }
                }
                answers.add(new TrainingCommands.Answer(Long.valueOf(name.substring(1)), options));
            }
        });
        try {
            TrainingViews.Attempt attempt = sessions.submit(id, new TrainingCommands.AttemptAnswers(answers),
                    Actors.required());
            notice(redirect, attempt.passed() ? "training.exam.passed" : "training.exam.failed",
                    attempt.score().toPlainString());
            return "redirect:/training/transcript";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
            redirect.addAttribute("id", id);
            return "redirect:/training/enrolments/{id}/exam";
        }
    }

    @GetMapping("/transcript")
    String myTranscript(@RequestParam(required = false) Integer year, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("transcript", transcripts.transcript(actor.userId(), year(year), actor));
        return "training/transcript";
    }

    @GetMapping("/transcripts/{userId:\\d+}")
    String transcript(@PathVariable long userId, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("transcript", transcripts.transcript(userId, year(year), Actors.required()));
        return "training/transcript";
    }

    private int year(Integer year) {
        return year != null ? year : Instant.now(clock).atZone(BusinessTime.ZONE).getYear();
    }

    // ---- courses

    @GetMapping("/courses")
    String courseList(@RequestParam(required = false) CourseTopic topic, Model model) {
        model.addAttribute("courses", courses.list(topic, Actors.required()));
        model.addAttribute("topic", topic);
        if (!model.containsAttribute("courseForm")) {
            model.addAttribute("courseForm", new CourseForm());
        }
        choices(model);
        return "training/courses";
    }

    @PostMapping("/courses")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String createCourse(@Valid @ModelAttribute("courseForm") CourseForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                TrainingViews.Course created = courses.create(form.command(), Actors.required());
                notice(redirect, "training.course.saved", created.code());
                redirect.addAttribute("code", created.code());
                return "redirect:/training/courses/{code}";
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return courseList(null, model);
    }

    @GetMapping("/courses/{code}")
    String course(@PathVariable String code, Model model) {
        Actor actor = Actors.required();
        TrainingViews.Course course = courses.get(code, actor);
        model.addAttribute("course", course);
        boolean manage = TrainingAccess.manages(actor) && manages(code, actor);
        model.addAttribute("manage", manage);
        model.addAttribute("questions", manage && course.exam() != null ? courses.questions(code, actor) : List.of());
        model.addAttribute("sessions", sessions.list(code, false, actor));
        choices(model);
        return "training/course";
    }

    private boolean manages(String code, Actor actor) {
        try {
            courses.managed(code, actor);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    @PostMapping("/courses/{code}/questions")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String addQuestion(@PathVariable String code, @RequestParam(required = false) QuestionKind kind,
                       @RequestParam(required = false) String text, @RequestParam(required = false) BigDecimal points,
                       @RequestParam(name = "option", required = false) List<String> labels,
                       @RequestParam(name = "correct", required = false) List<Integer> correct,
                       RedirectAttributes redirect) {
        List<TrainingCommands.NewOption> options = new ArrayList<>();
        List<String> given = labels == null ? List.of() : labels;
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) != null && !given.get(i).isBlank()) {
                options.add(new TrainingCommands.NewOption(given.get(i), correct != null && correct.contains(i)));
            }
        }
        return act(redirect, courseRedirect(redirect, code), () -> {
            if (kind == null || text == null || text.isBlank() || options.isEmpty()) {
                throw org.gridcare.shared.InvalidInputException.of(kind == null ? "kind"
                        : text == null || text.isBlank() ? "text" : "options", "validation.training.required");
            }
            courses.addQuestion(code, new TrainingCommands.NewQuestion(kind, text.strip(), points, options),
                    Actors.required());
            notice(redirect, "training.question.saved", code);
        });
    }

    @PostMapping("/courses/{code}/questions/{id:\\d+}/retire")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String retireQuestion(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, courseRedirect(redirect, code), () -> {
            courses.retireQuestion(code, id, Actors.required());
            notice(redirect, "training.question.retired", code);
        });
    }

    @PostMapping("/courses/{code}/links")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String addLink(@PathVariable String code, @RequestParam(required = false) MaterialKind kind,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String reference,
                   RedirectAttributes redirect) {
        return act(redirect, courseRedirect(redirect, code), () -> {
            if (kind == null || title == null || title.isBlank()) {
                throw org.gridcare.shared.InvalidInputException.of(kind == null ? "kind" : "title",
                        "validation.training.required");
            }
            courses.addLink(code, new TrainingCommands.NewLink(kind, title.strip(),
                    kind == MaterialKind.STANDARD ? reference : null, kind == MaterialKind.ARTICLE ? reference : null),
                    Actors.required());
            notice(redirect, "training.material.saved", title.strip());
        });
    }

    @PostMapping("/courses/{code}/files")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String upload(@PathVariable String code, @RequestParam(required = false) String title,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(redirect, courseRedirect(redirect, code), () -> {
            try {
                TrainingViews.Material m = courses.upload(code, title, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes(), Actors.required());
                notice(redirect, "training.material.saved", m.title());
            } catch (IOException e) {
                throw org.gridcare.shared.InvalidInputException.of("file", "validation.training.fileEmpty");
            }
        });
    }

    @PostMapping("/courses/{code}/sessions")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String schedule(@PathVariable String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                    @RequestParam(required = false) String place, @RequestParam(required = false) String trainer,
                    @RequestParam(required = false) Integer capacity, @RequestParam(required = false) String unitCode,
                    RedirectAttributes redirect) {
        return act(redirect, courseRedirect(redirect, code), () -> {
            String missing = startsAt == null ? "startsAt" : endsAt == null ? "endsAt"
                    : place == null || place.isBlank() ? "place" : trainer == null || trainer.isBlank() ? "trainer"
                    : capacity == null ? "capacity" : null;
            if (missing != null) {
                throw org.gridcare.shared.InvalidInputException.of(missing, "validation.training.required");
            }
            TrainingViews.Session s = sessions.schedule(new TrainingCommands.NewSession(code,
                    startsAt.atZone(BusinessTime.ZONE).toInstant(), endsAt.atZone(BusinessTime.ZONE).toInstant(),
                    place, trainer, capacity, unitCode), Actors.required());
            notice(redirect, "training.session.saved", String.valueOf(s.id()));
        });
    }

    // ---- sessions and attendance

    @GetMapping("/sessions/{id:\\d+}")
    String session(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("trainingSession", sessions.get(id, actor));
        List<TrainingViews.Enrolment> roster;
        try {
            roster = sessions.roster(id, actor);
        } catch (DomainException e) {
            roster = null;
        }
        model.addAttribute("roster", roster);
        return "training/session";
    }

    /** Every enrolment listed on the form is marked: ticked present, the others absent. */
    @PostMapping("/sessions/{id:\\d+}/attendance")
    String attendance(@PathVariable long id, @RequestParam(name = "listed", required = false) List<Long> listed,
                      @RequestParam(name = "present", required = false) List<Long> present,
                      RedirectAttributes redirect) {
        redirect.addAttribute("id", id);
        return act(redirect, "redirect:/training/sessions/{id}", () -> {
            List<Long> here = present == null ? List.of() : present;
            List<Long> absent = (listed == null ? List.<Long>of() : listed).stream()
                    .filter(e -> !here.contains(e)).toList();
            sessions.attendance(id, new TrainingCommands.Attendance(here, absent), Actors.required());
            notice(redirect, "training.attendance.saved", String.valueOf(here.size()));
        });
    }

    // ---- plans and cases

    @GetMapping("/plans")
    String planList(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("plans", plans.list(year, Actors.required()));
        model.addAttribute("positions", positions.positions());
        model.addAttribute("courses", courses.list(null, Actors.required()));
        model.addAttribute("year", year(year));
        return "training/plans";
    }

    @PostMapping("/plans")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String createPlan(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                      @RequestParam(required = false) String unitCode, @RequestParam(required = false) String title,
                      @RequestParam(required = false) List<String> courseCodes,
                      @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(redirect, "redirect:/training/plans", () -> {
            List<TrainingCommands.Requirement> requirements = requirements(params);
            if (year == null || title == null || title.isBlank()) {
                throw org.gridcare.shared.InvalidInputException.of(year == null ? "year" : "title",
                        "validation.training.required");
            }
            TrainingViews.Plan plan = plans.create(new TrainingCommands.NewPlan(unitCode, year, quarter, title,
                    requirements, courseCodes == null ? List.of() : courseCodes), Actors.required());
            notice(redirect, "training.plan.saved", plan.title());
        });
    }

    @GetMapping("/plans/{id:\\d+}")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String planForm(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        TrainingViews.Plan plan = plans.get(id, actor);
        model.addAttribute("plan", plan);
        model.addAttribute("hours", plan.requirements().stream().collect(java.util.stream.Collectors.toMap(
                TrainingViews.Requirement::position, r -> r.requiredHours().stripTrailingZeros().toPlainString())));
        model.addAttribute("positions", positions.positions());
        model.addAttribute("courses", courses.list(null, actor));
        return "training/plan";
    }

    @PostMapping("/plans/{id:\\d+}")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String changePlan(@PathVariable long id, @RequestParam(required = false) Integer version,
                      @RequestParam(required = false) String title, @RequestParam(required = false) List<String> courseCodes,
                      @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        String back = "redirect:/training/plans/" + id;
        try {
            if (title == null || title.isBlank()) {
                throw org.gridcare.shared.InvalidInputException.of("title", "validation.training.required");
            }
            TrainingViews.Plan plan = plans.change(id, version, new TrainingCommands.NewPlan(null, 0, null, title,
                    requirements(params), courseCodes == null ? List.of() : courseCodes), Actors.required());
            notice(redirect, "training.plan.saved", plan.title());
            return "redirect:/training/plans";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
            return back;
        }
    }

    /** The required hours per position from the form's {@code hours_<position>} fields; blank ones are left out. */
    private List<TrainingCommands.Requirement> requirements(Map<String, String> params) {
        List<TrainingCommands.Requirement> requirements = new ArrayList<>();
        for (TrainingViews.Position p : positions.positions()) {
            String hours = params.get("hours_" + p.code());
            if (hours != null && !hours.isBlank()) {
                try {
                    requirements.add(new TrainingCommands.Requirement(p.code(), new BigDecimal(hours.trim())));
                } catch (NumberFormatException e) {
                    throw org.gridcare.shared.InvalidInputException.of("requiredHours", "validation.training.hours");
                }
            }
        }
        return requirements;
    }

    @GetMapping("/cases")
    String caseList(Model model) {
        model.addAttribute("cases", cases.list(Actors.required()));
        return "training/cases";
    }

    @PostMapping("/cases")
    @PreAuthorize(TrainingAccess.MANAGERS)
    String createCase(@RequestParam(required = false) TrainingCommands.CaseSource source,
                      @RequestParam(required = false) String reference, @RequestParam(required = false) String title,
                      @RequestParam(required = false) String lesson, @RequestParam(required = false) String courseCode,
                      RedirectAttributes redirect) {
        return act(redirect, "redirect:/training/cases", () -> {
            String missing = source == null ? "source" : reference == null || reference.isBlank() ? "reference"
                    : title == null || title.isBlank() ? "title" : null;
            if (missing != null) {
                throw org.gridcare.shared.InvalidInputException.of(missing, "validation.training.required");
            }
            TrainingViews.Case made = cases.create(new TrainingCommands.NewCase(source, reference, title, lesson,
                    courseCode == null || courseCode.isBlank() ? List.of() : List.of(courseCode.trim())),
                    Actors.required());
            notice(redirect, "training.case.saved", made.title());
        });
    }

    // ---- helpers

    private String courseRedirect(RedirectAttributes redirect, String code) {
        redirect.addAttribute("code", code);
        return "redirect:/training/courses/{code}";
    }

    private String act(RedirectAttributes redirect, String target, Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", describe(e));
        }
        return target;
    }

    private String describe(DomainException e) {
        return FormErrors.describe(e, messages, "training.field", LocaleContextHolder.getLocale());
    }

    private static void notice(RedirectAttributes redirect, String code, String argument) {
        redirect.addFlashAttribute("notice", code);
        redirect.addFlashAttribute("noticeArg", argument);
    }

    private static void choices(Model model) {
        model.addAttribute("topics", CourseTopic.values());
        model.addAttribute("modes", CourseMode.values());
        model.addAttribute("rules", MultipleChoiceRule.values());
        model.addAttribute("kinds", QuestionKind.values());
    }

    /** The new-course form. */
    static class CourseForm {
        @NotBlank @Size(max = 40) private String code;
        @NotBlank @Size(max = 200) private String title;
        @NotNull private CourseTopic topic;
        @NotNull private CourseMode mode = CourseMode.INTERNAL;
        @NotNull private BigDecimal hours;
        @Size(max = 4000) private String description;
        @Size(max = 32) private String unitCode;
        private BigDecimal passMark;
        private Integer maxAttempts;
        private MultipleChoiceRule multipleRule = MultipleChoiceRule.ALL_OR_NOTHING;

        TrainingCommands.NewCourse command() {
            return new TrainingCommands.NewCourse(code, title, topic, mode, hours, description, unitCode, passMark,
                    maxAttempts, multipleRule);
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public CourseTopic getTopic() { return topic; }
        public void setTopic(CourseTopic topic) { this.topic = topic; }
        public CourseMode getMode() { return mode; }
        public void setMode(CourseMode mode) { this.mode = mode; }
        public BigDecimal getHours() { return hours; }
        public void setHours(BigDecimal hours) { this.hours = hours; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public BigDecimal getPassMark() { return passMark; }
        public void setPassMark(BigDecimal passMark) { this.passMark = passMark; }
        public Integer getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
        public MultipleChoiceRule getMultipleRule() { return multipleRule; }
        public void setMultipleRule(MultipleChoiceRule multipleRule) { this.multipleRule = multipleRule; }
    }
}
