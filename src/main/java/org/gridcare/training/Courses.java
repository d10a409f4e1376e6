package org.gridcare.training;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.gridcare.audit.AuditTrail;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.InvalidInputException.Violation;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.standards.StandardReading;
import org.gridcare.training.TrainingRepository.CourseRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses, their materials and their exam's question bank. */
@Service
class Courses {

    static final String ENTITY = "TrainingCourse";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
    private static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    private static final Tika TIKA = new Tika();

    private final TrainingRepository repository;
    private final TrainingAccess access;
    private final StandardReading standards;
    private final AuditTrail audit;
    private final TrainingProperties properties;
    private final Clock clock;

    Courses(TrainingRepository repository, TrainingAccess access, StandardReading standards, AuditTrail audit,
            TrainingProperties properties, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.standards = standards;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public TrainingViews.Course create(TrainingCommands.NewCourse command, Actor actor) {
        List<Violation> errors = new ArrayList<>();
        String code = command.code() == null ? "" : command.code().trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add(new Violation("code", "validation.training.code"));
        } else if (repository.courseCodeTaken(code)) {
            errors.add(new Violation("code", "validation.training.codeTaken", code));
        }
        checkHours("hours", command.hours(), errors);
        Integer maxAttempts = checkExam(command.passMark(), command.maxAttempts(), errors);
        OrgUnit unit = null;
        try {
            unit = access.unitFor(command.unitCode(), actor, "unitCode");
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now(clock);
        MultipleChoiceRule rule = command.multipleRule() == null ? MultipleChoiceRule.ALL_OR_NOTHING
                : command.multipleRule();
        long id = repository.insertCourse(new CourseRow(0, code, command.title().trim(), command.topic(),
                command.mode(), "REGULAR", command.hours(), blankToNull(command.description()), unit.id().value(),
                command.passMark(), maxAttempts, rule, null, null, 0), actor.username(), now);
        audit.record("TRAINING_COURSE_CREATED", ENTITY, code, "%s %s %s h, exam %s".formatted(command.topic(),
                command.mode(), command.hours(), command.passMark() == null ? "none"
                        : "pass " + command.passMark() + ", " + rule));
        return view(repository.course(id).orElseThrow(), true);
    }

    static void checkHours(String field, BigDecimal hours, List<Violation> errors) {
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 2) {
            errors.add(new Violation(field, "validation.training.hours"));
        }
    }

    private Integer checkExam(BigDecimal passMark, Integer maxAttempts, List<Violation> errors) {
        if (passMark != null && (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0
                || passMark.scale() > 2)) {
            errors.add(new Violation("passMark", "validation.training.passMark"));
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 20)) {
            errors.add(new Violation("maxAttempts", "validation.training.maxAttempts"));
        }
        if (passMark == null) {
            return null;
        }
        return maxAttempts == null ? properties.defaultMaxAttempts() : maxAttempts;
    }

    @Transactional(readOnly = true)
    public List<TrainingViews.Course> list(CourseTopic topic, Actor actor) {
        DataScope scope = access.scope(actor);
        Long[] open = access.openUnits(actor);
        List<CourseRow> rows = new ArrayList<>(repository.courses(scope.all(), scope.unitIdArray(), topic, null));
        if (!scope.all()) {
            repository.courses(false, open, topic, null).stream()
                    .filter(c -> rows.stream().noneMatch(r -> r.id() == c.id())).forEach(rows::add);
        }
        return rows.stream().map(c -> view(c, false)).toList();
    }

    @Transactional(readOnly = true)
    public TrainingViews.Course get(String code, Actor actor) {
        return view(visible(code, actor), true);
    }

    /** The question bank with the correct options (trainers only). */
    @Transactional(readOnly = true)
    public List<TrainingViews.Question> questions(String code, Actor actor) {
        CourseRow course = managed(code, actor);
        return questions(course.id(), true);
    }

    List<TrainingViews.Question> questions(long courseId, boolean withAnswers) {
        Map<Long, List<TrainingRepository.OptionRow>> options = repository.options(courseId).stream()
                .collect(Collectors.groupingBy(TrainingRepository.OptionRow::questionId));
        return repository.questions(courseId).stream().map(q -> new TrainingViews.Question(q.id(), q.kind(),
                q.text(), q.points(), options.getOrDefault(q.id(), List.of()).stream()
                .map(o -> new TrainingViews.Option(o.id(), o.label(), withAnswers ? o.correct() : null)).toList()))
                .toList();
    }

    @Transactional
    public TrainingViews.Question addQuestion(String code, TrainingCommands.NewQuestion command, Actor actor) {
        CourseRow course = managed(code, actor);
        if (!course.hasExam()) {
            throw new ConflictException("training.error.noExam", course.code());
        }
        List<Violation> errors = new ArrayList<>();
        BigDecimal points = command.points() == null ? BigDecimal.ONE : command.points();
        if (points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(100)) > 0 || points.scale() > 2) {
            errors.add(new Violation("points", "validation.training.points"));
        }
        List<TrainingCommands.NewOption> options = command.options();
        long correct = options.stream().filter(TrainingCommands.NewOption::correct).count();
        switch (command.kind()) {
            case SINGLE -> {
                if (options.size() < 2 || correct != 1) {
                    errors.add(new Violation("options", "validation.training.singleOptions"));
                }
            }
            case TRUE_FALSE -> {
                if (options.size() != 2 || correct != 1) {
                    errors.add(new Violation("options", "validation.training.trueFalseOptions"));
                }
            }
            case MULTIPLE -> {
                if (options.size() < 2 || correct < 1) {
                    errors.add(new Violation("options", "validation.training.multipleOptions"));
                }
            }
        }
        if (options.stream().map(o -> o.label().trim()).distinct().count() != options.size()) {
            errors.add(new Violation("options", "validation.training.duplicateOptions"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = repository.insertQuestion(course.id(), command.kind(), command.text().trim(), points,
                Instant.now(clock));
        for (int i = 0; i < options.size(); i++) {
            repository.insertOption(id, i + 1, options.get(i).label().trim(), options.get(i).correct());
        }
        audit.record("TRAINING_QUESTION_ADDED", ENTITY, course.code(), "%s question %d, %s points, %d options"
                .formatted(command.kind(), id, points, options.size()));
        return questions(course.id(), true).stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void retireQuestion(String code, long questionId, Actor actor) {
        CourseRow course = managed(code, actor);
        if (!repository.retireQuestion(course.id(), questionId)) {
            throw new NotFoundException("TrainingQuestion", questionId);
        }
        audit.record("TRAINING_QUESTION_RETIRED", ENTITY, course.code(), "question %d retired".formatted(questionId));
    }

    @Transactional
    public TrainingViews.Material addLink(String code, TrainingCommands.NewLink command, Actor actor) {
        CourseRow course = managed(code, actor);
        String standardCode = null;
        String url = null;
        switch (command.kind()) {
            case STANDARD -> {
                standardCode = command.standardCode() == null ? "" : command.standardCode().trim()
                        .toUpperCase(Locale.ROOT);
                if (standards.titleOf(standardCode).isEmpty()) {
                    throw InvalidInputException.of("standardCode", "validation.training.unknownStandard",
                            command.standardCode());
                }
            }
            case ARTICLE -> {
                url = command.url() == null ? "" : command.url().trim();
                if (!webAddress(url)) {
                    throw InvalidInputException.of("url", "validation.training.url");
                }
            }
            case FILE -> throw InvalidInputException.of("kind", "validation.training.linkKind");
        }
        long id = repository.insertMaterial(course.id(), command.kind(), command.title().trim(), standardCode, url,
                null, null, null, actor.username(), Instant.now(clock));
        audit.record("TRAINING_MATERIAL_ADDED", ENTITY, course.code(), "%s %s".formatted(command.kind(),
                standardCode != null ? standardCode : url));
        return repository.materials(course.id()).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    static boolean webAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An uploaded file: not empty, within the size limit, and of an accepted type by its bytes (not its name). */
    @Transactional
    public TrainingViews.Material upload(String code, String title, String filename, byte[] content, Actor actor) {
        CourseRow course = managed(code, actor);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.training.fileEmpty");
        }
        if (content.length > properties.materialMaxSize().toBytes()) {
            throw InvalidInputException.of("file", "validation.training.fileTooLarge",
                    properties.materialMaxSize().toMegabytes());
        }
        String detected = TIKA.detect(content, filename);
        if (!properties.materialTypes().contains(detected)) {
            throw InvalidInputException.of("file", "validation.training.fileType", detected);
        }
        String name = safeName(filename);
        String label = title == null || title.isBlank() ? name : title.trim();
        if (label.length() > 200) {
            throw InvalidInputException.of("title", "validation.training.tooLong", 200);
        }
        long id = repository.insertMaterial(course.id(), MaterialKind.FILE, label, null, null, name, detected, content,
                actor.username(), Instant.now(clock));
        audit.record("TRAINING_MATERIAL_ADDED", ENTITY, course.code(), "FILE %s (%s, %d bytes)".formatted(name,
                detected, content.length));
        return repository.materials(course.id()).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public TrainingRepository.MaterialFile material(String code, long id, Actor actor) {
        CourseRow course = visible(code, actor);
        return repository.materialFile(course.id(), id).orElseThrow(() -> new NotFoundException("TrainingMaterial", id));
    }

    static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "material" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    // ---- helpers shared with the other services

    CourseRow visible(String code, Actor actor) {
        CourseRow course = repository.courseByCode(code == null ? "" : code.trim())
                .orElseThrow(() -> new NotFoundException(ENTITY, code));
        if (!access.offeredTo(course.unitId(), actor)) {
            throw new NotFoundException(ENTITY, code);
        }
        return course;
    }

    CourseRow managed(String code, Actor actor) {
        CourseRow course = repository.courseByCode(code == null ? "" : code.trim())
                .orElseThrow(() -> new NotFoundException(ENTITY, code));
        access.requireManaged(course.unitId(), actor, ENTITY, code);
        return course;
    }

    int maxAttempts(CourseRow course) {
        return course.maxAttempts() == null ? properties.defaultMaxAttempts() : course.maxAttempts();
    }

    TrainingViews.Course view(CourseRow c, boolean full) {
        TrainingViews.Exam exam = c.hasExam() ? new TrainingViews.Exam(c.passMark(), maxAttempts(c), c.multipleRule(),
                repository.activeQuestions(c.id())) : null;
        List<TrainingViews.Case> cases = full ? repository.casesOfCourse(c.id()).stream()
                .map(k -> CaseLibrary.view(k, access.unitCode(k.unitId()), List.of(c.code()))).toList() : null;
        return new TrainingViews.Course(c.id(), c.code(), c.title(), c.topic(), c.mode(), c.kind(), c.hours(),
                c.description(), access.unitCode(c.unitId()), exam, c.standardCode(), c.standardVersion(),
                full ? repository.materials(c.id()) : null, cases, c.version());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
