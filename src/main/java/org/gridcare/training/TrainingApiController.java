package org.gridcare.training;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Training", description = "培训 — courses and exams, plans, sessions, enrolment, attendance, attempts, "
        + "transcripts and the case library")
class TrainingApiController {

    private final Courses courses;
    private final Sessions sessions;
    private final TrainingPlans plans;
    private final Transcripts transcripts;
    private final CaseLibrary cases;
    private final StandardCourses standardCourses;
    private final StaffPositions positions;
    private final Clock clock;

    TrainingApiController(Courses courses, Sessions sessions, TrainingPlans plans, Transcripts transcripts,
                          CaseLibrary cases, StandardCourses standardCourses, StaffPositions positions, Clock clock) {
        this.courses = courses;
        this.sessions = sessions;
        this.plans = plans;
        this.transcripts = transcripts;
        this.cases = cases;
        this.standardCourses = standardCourses;
        this.positions = positions;
        this.clock = clock;
    }

    // ---- courses

    @GetMapping("/api/v1/training/courses")
    @Operation(summary = "Courses of the caller's units and the units above them (all in scope for trainers)")
    List<TrainingViews.Course> courses(@RequestParam(required = false) CourseTopic topic) {
        return courses.list(topic, Actors.required());
    }

    @PostMapping("/api/v1/training/courses")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Create a course; passMark (0–100) gives it an exam, multipleRule scores its multiple-choice questions")
    ResponseEntity<TrainingViews.Course> createCourse(@Valid @RequestBody TrainingCommands.NewCourse command) {
        TrainingViews.Course created = courses.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/training/courses/" + created.code())).body(created);
    }

    @GetMapping("/api/v1/training/courses/{code}")
    @Operation(summary = "One course with its materials and attached cases")
    TrainingViews.Course course(@PathVariable String code) {
        return courses.get(code, Actors.required());
    }

    @GetMapping("/api/v1/training/courses/{code}/questions")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "The exam's question bank with the correct options")
    List<TrainingViews.Question> questions(@PathVariable String code) {
        return courses.questions(code, Actors.required());
    }

    @PostMapping("/api/v1/training/courses/{code}/questions")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Add a question: SINGLE (one correct), MULTIPLE (one or more correct), TRUE_FALSE (two options)")
    ResponseEntity<TrainingViews.Question> addQuestion(@PathVariable String code,
                                                       @Valid @RequestBody TrainingCommands.NewQuestion command) {
        return ResponseEntity.status(201).body(courses.addQuestion(code, command, Actors.required()));
    }

    @DeleteMapping("/api/v1/training/courses/{code}/questions/{id}")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Retire a question (attempts already scored keep their result)")
    ResponseEntity<Void> retireQuestion(@PathVariable String code, @PathVariable long id) {
        courses.retireQuestion(code, id, Actors.required());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/training/courses/{code}/materials", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Link a standard (STANDARD, by code) or a knowledge article (ARTICLE, by http(s) URL)")
    ResponseEntity<TrainingViews.Material> addLink(@PathVariable String code,
                                                   @Valid @RequestBody TrainingCommands.NewLink command) {
        return ResponseEntity.status(201).body(courses.addLink(code, command, Actors.required()));
    }

    @PostMapping(value = "/api/v1/training/courses/{code}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Upload a file (type checked by its bytes against gridcare.training.material-types, size limit)")
    ResponseEntity<TrainingViews.Material> upload(@PathVariable String code,
                                                  @RequestPart(name = "file", required = false) MultipartFile file,
                                                  @RequestParam(required = false) String title) throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "validation.training.fileEmpty");
        }
        return ResponseEntity.status(201).body(courses.upload(code, title, file.getOriginalFilename(), file.getBytes(),
                Actors.required()));
    }

    @GetMapping("/api/v1/training/courses/{code}/materials/{id}")
    @Operation(summary = "Download an uploaded material")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id) {
        TrainingRepository.MaterialFile file = courses.material(code, id, Actors.required());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    @PostMapping("/api/v1/training/courses/{code}/cases/{caseId}")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Attach a teaching case of the library to a course")
    TrainingViews.Course attachCase(@PathVariable String code, @PathVariable long caseId) {
        return cases.attach(code, caseId, Actors.required());
    }

    // ---- plans

    @GetMapping("/api/v1/training/positions")
    @Operation(summary = "The positions a plan may require hours of")
    List<TrainingViews.Position> positions() {
        return positions.positions();
    }

    @GetMapping("/api/v1/training/plans")
    @Operation(summary = "TrainingPlans of the caller's units and the units above them")
    List<TrainingViews.Plan> plans(@RequestParam(required = false) Integer year) {
        return plans.list(year, Actors.required());
    }

    @PostMapping("/api/v1/training/plans")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Create the plan of a unit for a year (no quarter) or a quarter, with hours per position")
    ResponseEntity<TrainingViews.Plan> createPlan(@Valid @RequestBody TrainingCommands.NewPlan command) {
        TrainingViews.Plan created = plans.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/training/plans/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/training/plans/{id}")
    @Operation(summary = "One plan")
    TrainingViews.Plan plan(@PathVariable long id) {
        return plans.get(id, Actors.required());
    }

    @PutMapping("/api/v1/training/plans/{id}")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Replace a plan's title, requirements and courses; ?version= the version the caller saw")
    TrainingViews.Plan changePlan(@PathVariable long id, @RequestParam(required = false) Integer version,
                                  @Valid @RequestBody TrainingCommands.NewPlan command) {
        return plans.change(id, version, command, Actors.required());
    }

    // ---- sessions

    @GetMapping("/api/v1/training/sessions")
    @Operation(summary = "Sessions open to the caller (and, for trainers, held in their scope); upcoming=true: not ended yet")
    List<TrainingViews.Session> sessions(@RequestParam(required = false) String course,
                                         @RequestParam(defaultValue = "false") boolean upcoming) {
        return sessions.list(course, upcoming, Actors.required());
    }

    @PostMapping("/api/v1/training/sessions")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Schedule a session of a course: start, end, place, trainer (username) and capacity")
    ResponseEntity<TrainingViews.Session> schedule(@Valid @RequestBody TrainingCommands.NewSession command) {
        TrainingViews.Session created = sessions.schedule(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/training/sessions/{id}")
    @Operation(summary = "One session with its free seats and the caller's enrolment")
    TrainingViews.Session session(@PathVariable long id) {
        return sessions.get(id, Actors.required());
    }

    @GetMapping("/api/v1/training/sessions/{id}/enrolments")
    @Operation(summary = "The session's roster (its trainer, or trainers and managers of its unit)")
    List<TrainingViews.Enrolment> roster(@PathVariable long id) {
        return sessions.roster(id, Actors.required());
    }

    @PostMapping("/api/v1/training/sessions/{id}/cancel")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Cancel a session and its enrolments; {version}")
    TrainingViews.Session cancel(@PathVariable long id, @RequestBody VersionBody body) {
        return sessions.cancel(id, body.version(), Actors.required());
    }

    record VersionBody(Integer version) {
    }

    @PostMapping("/api/v1/training/sessions/{id}/enrolments")
    @Operation(summary = "Enrol the caller, or (trainers, managers) {username}; 409 when the session is full")
    ResponseEntity<TrainingViews.Enrolment> enrol(@PathVariable long id,
                                                  @Valid @RequestBody(required = false) TrainingCommands.Enrol body) {
        TrainingViews.Enrolment created = sessions.enrol(id, body == null ? null : body.username(), Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/training/enrolments/" + created.id())).body(created);
    }

    @PostMapping("/api/v1/training/sessions/{id}/attendance")
    @Operation(summary = "Record attendance once the session started: {present: [enrolment ids], absent: [...]}")
    List<TrainingViews.Enrolment> attendance(@PathVariable long id,
                                             @RequestBody TrainingCommands.Attendance body) {
        return sessions.attendance(id, body, Actors.required());
    }

    // ---- enrolments and exams

    @GetMapping("/api/v1/training/enrolments")
    @Operation(summary = "The caller's enrolments")
    List<TrainingViews.Enrolment> myEnrolments() {
        return sessions.mine(Actors.required());
    }

    @GetMapping("/api/v1/training/enrolments/{id}")
    @Operation(summary = "One enrolment (its staff member, or leaders in scope)")
    TrainingViews.Enrolment enrolment(@PathVariable long id) {
        return sessions.enrolment(id, Actors.required());
    }

    @DeleteMapping("/api/v1/training/enrolments/{id}")
    @Operation(summary = "Withdraw before the session starts; the seat is given back")
    TrainingViews.Enrolment withdraw(@PathVariable long id) {
        return sessions.withdraw(id, Actors.required());
    }

    @GetMapping("/api/v1/training/enrolments/{id}/exam")
    @Operation(summary = "The exam paper of the caller's enrolment (without the answers)")
    TrainingViews.Paper paper(@PathVariable long id) {
        return sessions.paper(id, Actors.required());
    }

    @PostMapping("/api/v1/training/enrolments/{id}/attempts")
    @Operation(summary = "Submit an attempt {answers: [{questionId, optionIds}]}; 409 when no attempts are left")
    ResponseEntity<TrainingViews.Attempt> attempt(@PathVariable long id,
                                                  @Valid @RequestBody TrainingCommands.AttemptAnswers body) {
        return ResponseEntity.status(201).body(sessions.submit(id, body, Actors.required()));
    }

    @PostMapping("/api/v1/training/enrolments/{id}/acknowledge")
    @Operation(summary = "Complete a read-and-acknowledge course; acknowledges the standard version too")
    TrainingViews.Enrolment acknowledge(@PathVariable long id) {
        return standardCourses.acknowledge(id, Actors.required());
    }

    // ---- transcripts

    @GetMapping("/api/v1/training/transcripts/{userId}")
    @Operation(summary = "A staff member's courses, scores and hours against the requirement of the year (default: this year)")
    Transcript transcript(@PathVariable long userId, @RequestParam(required = false) Integer year) {
        return transcripts.transcript(userId, year == null ? thisYear() : year, Actors.required());
    }

    @GetMapping("/api/v1/training/transcripts/me")
    @Operation(summary = "The caller's own transcript")
    Transcript myTranscript(@RequestParam(required = false) Integer year) {
        var actor = Actors.required();
        return transcripts.transcript(actor.userId(), year == null ? thisYear() : year, actor);
    }

    private int thisYear() {
        return Instant.now(clock).atZone(BusinessTime.ZONE).getYear();
    }

    // ---- cases

    @GetMapping("/api/v1/training/cases")
    @Operation(summary = "The case library")
    List<TrainingViews.Case> cases() {
        return cases.list(Actors.required());
    }

    @PostMapping("/api/v1/training/cases")
    @PreAuthorize(TrainingAccess.MANAGERS)
    @Operation(summary = "Turn a CLOSED complaint (reference: case id) or an exemplary order (reference: number) into an anonymised case")
    ResponseEntity<TrainingViews.Case> createCase(@Valid @RequestBody TrainingCommands.NewCase command) {
        TrainingViews.Case created = cases.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/training/cases/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/training/cases/{id}")
    @Operation(summary = "One teaching case")
    TrainingViews.Case teachingCase(@PathVariable long id) {
        return cases.get(id, Actors.required());
    }
}
