package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Training through its API: courses and the question bank, enrolment limits (capacity, concurrent enrolments),
 * attendance and completion, exam attempts and scoring, transcripts against the plans, authorisation and bad input.
 * The clock runs in 2091 so the transcripts' year holds this test's records only.
 */
@GridCareTest
class TrainingTests {

    private static final Instant MONDAY = Instant.parse("2091-03-05T01:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired Users users;
    @Autowired Sessions sessions;
    @Autowired Transcripts transcripts;
    @Autowired JdbcClient jdbc;

    private OrgUnit city;
    private OrgUnit station;
    private String trainer;
    private String otherTrainer;
    private String supervisor;
    private String agent1;
    private String agent2;
    private String agent3;
    private String outsider;

    @BeforeEach
    void world() {
        clock.set(MONDAY);
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("TC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("TS"), OrgUnitKind.SUPPLY_STATION, city.code());
        OrgUnit otherCity = fixtures.unit(Fixtures.unique("TO"), OrgUnitKind.CITY_COMPANY, "HQ");
        trainer = Fixtures.unique("ttrain");
        otherTrainer = Fixtures.unique("totr");
        supervisor = Fixtures.unique("tsup");
        agent1 = Fixtures.unique("tag1");
        agent2 = Fixtures.unique("tag2");
        agent3 = Fixtures.unique("tag3");
        outsider = Fixtures.unique("tout");
        fixtures.user(trainer, city.code(), Role.TRAINER);
        fixtures.user(otherTrainer, otherCity.code(), Role.TRAINER);
        fixtures.user(supervisor, station.code(), Role.SUPERVISOR);
        fixtures.user(agent1, station.code(), Role.AGENT);
        fixtures.user(agent2, station.code(), Role.AGENT);
        fixtures.user(agent3, station.code(), Role.AGENT);
        fixtures.user(outsider, otherCity.code(), Role.AGENT);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void trainersBuildCoursesWithExamsAndMaterialsAndBadInputNamesTheField() throws Exception {
        call(agent1, post("/api/v1/training/courses"), course(code(), "INTERNAL", "2", null, null), 403);
        assertProblem(call(trainer, post("/api/v1/training/courses"), Map.of("code", "x", "title", "t",
                "topic", "SAFETY", "mode", "INTERNAL", "hours", 0, "passMark", 120), 400), "code", "hours", "passMark");
        assertProblem(call(trainer, post("/api/v1/training/courses"), Map.of("code", code(), "title", "t",
                "topic", "COOKING", "mode", "INTERNAL", "hours", 1), 400), "topic");

        String code = code();
        JsonNode created = call(trainer, post("/api/v1/training/courses"), course(code, "INTERNAL", "2.5", "60",
                "PROPORTIONAL"), 201);
        assertThat(created.get("exam").get("maxAttempts").asInt()).as("the configured default").isEqualTo(3);
        assertThat(created.get("exam").get("multipleRule").asString()).isEqualTo("PROPORTIONAL");
        call(trainer, post("/api/v1/training/courses"), course(code, "INTERNAL", "1", null, null), 400);

        String base = "/api/v1/training/courses/" + code;
        assertProblem(call(trainer, post(base + "/questions"), question("SINGLE", 2, true, true, false), 400),
                "options");
        assertProblem(call(trainer, post(base + "/questions"), question("TRUE_FALSE", 1, true, false, false), 400),
                "options");
        call(trainer, post(base + "/questions"), question("SINGLE", 2, true, false, false), 201);
        call(agent1, post(base + "/questions"), question("SINGLE", 2, true, false, false), 403);
        assertThat(read(trainer, base + "/questions").size()).isEqualTo(1);
        assertThat(status(agent1, get(base + "/questions"))).isEqualTo(403);
        assertThat(read(agent1, base).get("exam").get("questions").asInt()).as("staff see the course").isEqualTo(1);
        assertThat(status(outsider, get(base))).as("another city's staff").isEqualTo(404);
        assertThat(status(otherTrainer, post(base + "/questions"), question("SINGLE", 2, true, false, false)))
                .as("a trainer outside the course's unit").isEqualTo(404);

        assertProblem(call(trainer, post(base + "/materials"), Map.of("kind", "STANDARD", "title", "标准",
                "standardCode", "NO-SUCH-STD"), 400), "standardCode");
        assertProblem(call(trainer, post(base + "/materials"), Map.of("kind", "ARTICLE", "title", "文章",
                "url", "javascript:alert(1)"), 400), "url");
        call(trainer, post(base + "/materials"), Map.of("kind", "STANDARD", "title", "投诉处理规范",
                "standardCode", "GC-TS-001"), 201);
        call(trainer, post(base + "/materials"), Map.of("kind", "ARTICLE", "title", "知识库：停电查询",
                "url", "https://kb.example.com/articles/42"), 201);
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        MockHttpServletResponse uploaded = mvc.perform(multipart(base + "/materials")
                .file(new MockMultipartFile("file", "讲义.pdf", "application/pdf", pdf)).param("title", "讲义")
                .with(as(trainer))).andReturn().getResponse();
        assertThat(uploaded.getStatus()).as(uploaded.getContentAsString()).isEqualTo(201);
        assertThat(json.readTree(uploaded.getContentAsString()).get("contentType").asString()).isEqualTo("application/pdf");
        MockHttpServletResponse script = mvc.perform(multipart(base + "/materials")
                .file(new MockMultipartFile("file", "讲义.pdf", "application/pdf", "<script>x</script>".getBytes()))
                .with(as(trainer))).andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(400);
        assertProblem(json.readTree(script.getContentAsString()), "file");
        JsonNode detail = read(agent1, base);
        assertThat(detail.get("materials").size()).isEqualTo(3);
        long fileId = 0;
        for (JsonNode m : detail.get("materials")) {
            if (m.get("kind").asString().equals("FILE")) {
                fileId = m.get("id").asLong();
            }
        }
        assertThat(mvc.perform(get(base + "/materials/" + fileId).with(as(agent1))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(pdf);
        assertThat(ApiRequests.auditActions(mvc, "TrainingCourse", code)).contains("TRAINING_COURSE_CREATED",
                "TRAINING_QUESTION_ADDED", "TRAINING_MATERIAL_ADDED");
    }

    @Test
    void aSessionTakesNoMoreThanItsCapacityAndAWithdrawalFreesTheSeat() throws Exception {
        String code = createCourse("INTERNAL", "1", null, null);
        long session = schedule(code, 2);
        assertProblem(call(trainer, post("/api/v1/training/sessions"), Map.of("courseCode", code,
                "startsAt", MONDAY.minus(Duration.ofHours(1)).toString(),
                "endsAt", MONDAY.plus(Duration.ofHours(1)).toString(), "place", "x", "trainer", "nobody-x",
                "capacity", 0), 400), "startsAt", "capacity", "trainer");
        long first = enrol(agent1, session, 201).get("id").asLong();
        enrol(agent2, session, 201);
        JsonNode full = enrol(agent3, session, 409);
        assertThat(full.get("detail").asString()).contains(String.valueOf(session));
        assertThat(read(agent1, "/api/v1/training/sessions/" + session).get("enrolled").asInt()).isEqualTo(2);
        assertThat(status(outsider, post("/api/v1/training/sessions/" + session + "/enrolments"), Map.of()))
                .as("a session of another city").isEqualTo(404);
        assertThat(status(agent2, delete("/api/v1/training/enrolments/" + first))).as("someone else's").isEqualTo(404);
        call(agent1, delete("/api/v1/training/enrolments/" + first), Map.of(), 200);
        enrol(agent3, session, 201);

        long roomy = schedule(code, 5);
        enrol(agent1, roomy, 201);
        enrol(agent1, roomy, 409);
        assertThat(read(agent1, "/api/v1/training/sessions/" + roomy).get("enrolled").asInt())
                .as("the refused second enrolment gave its seat back").isEqualTo(1);
        call(agent1, post("/api/v1/training/sessions/" + roomy + "/enrolments"), Map.of("username", agent2), 403);
        assertThat(call(trainer, post("/api/v1/training/sessions/" + roomy + "/enrolments"),
                Map.of("username", agent2), 201).get("source").asString()).isEqualTo("ASSIGNED");
        assertProblem(call(trainer, post("/api/v1/training/sessions/" + roomy + "/enrolments"),
                Map.of("username", outsider), 400), "username");
    }

    @Test
    void concurrentEnrolmentsNeverOverBookASession() throws Exception {
        String code = createCourse("INTERNAL", "1", null, null);
        long session = schedule(code, 3);
        List<StaffMember> staff = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = Fixtures.unique("tcc" + i);
            fixtures.user(name, station.code(), Role.AGENT);
            staff.add(users.member(name).orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = staff.stream().<Callable<Boolean>>map(m -> () -> {
                try {
                    sessions.enrol(session, null, new Fixtures.TestActor(m.userId(), m.username(), m.unitId(),
                            java.util.Set.of("AGENT")));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }).toList();
            long enrolled = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                enrolled += f.get() ? 1 : 0;
            }
            assertThat(enrolled).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from trn_enrolment where session_id = :s and status <> 'CANCELLED'")
                .param("s", session).query(Long.class).single()).isEqualTo(3);
        assertThat(read(trainer, "/api/v1/training/sessions/" + session).get("enrolled").asInt()).isEqualTo(3);
    }

    @Test
    void attendanceCompletesTheCourseAndTheTranscriptCountsHoursAgainstThePlan() throws Exception {
        call(trainer, post("/api/v1/training/plans"), plan(city.code(), null, "AGENT", "10"), 201);
        JsonNode stationPlan = call(trainer, post("/api/v1/training/plans"), plan(station.code(), null, "AGENT", "4"),
                201);
        call(trainer, post("/api/v1/training/plans"), plan(station.code(), null, "AGENT", "5"), 409);
        assertProblem(call(trainer, post("/api/v1/training/plans"), Map.of("unitCode", station.code(), "year", 2091,
                "quarter", 5, "title", "x", "requirements", List.of(Map.of("position", "ASTRONAUT",
                        "requiredHours", -1))), 400), "quarter", "requirements[0].position",
                "requirements[0].requiredHours");
        // an empty entry among the requirements is named too (it was a server error; JsonConfiguration), and nothing
        // is saved
        assertProblem(call(trainer, post("/api/v1/training/plans"), Map.of("unitCode", station.code(), "year", 2092,
                "title", "x", "requirements", java.util.Arrays.asList(Map.of("position", "AGENT", "requiredHours", 1),
                        null)), 400), "requirements[1]");
        assertThat(jdbc.sql("select count(*) from trn_plan where year = 2092").query(Long.class).single()).isZero();
        call(agent1, post("/api/v1/training/plans"), plan(station.code(), 1, "AGENT", "1"), 403);
        call(trainer, post("/api/v1/training/plans"), plan(station.code(), 1, "AGENT", "1.5"), 201);

        String classroom = createCourse("INTERNAL", "1.5", null, null);
        long session = schedule(classroom, 10);
        long e1 = enrol(agent1, session, 201).get("id").asLong();
        long e2 = enrol(agent2, session, 201).get("id").asLong();
        String attendance = "/api/v1/training/sessions/" + session + "/attendance";
        call(trainer, post(attendance), Map.of("present", List.of(e1)), 409);
        clock.advance(Duration.ofDays(1));
        call(otherTrainer, post(attendance), Map.of("present", List.of(e1)), 404);
        call(agent1, post(attendance), Map.of("present", List.of(e1)), 404);
        assertProblem(call(trainer, post(attendance), Map.of("present", List.of(e1), "absent", List.of(e1)), 400),
                "absent");
        assertProblem(call(trainer, post(attendance), Map.of("present", List.of(999_999_999L)), 400), "present");
        JsonNode roster = call(trainer, post(attendance), Map.of("present", List.of(e1), "absent", List.of(e2)), 200);
        Map<Long, JsonNode> byId = new HashMap<>();
        roster.forEach(r -> byId.put(r.get("id").asLong(), r));
        assertThat(byId.get(e1).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(byId.get(e1).get("hoursCredited").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(byId.get(e1).get("certificateNumber").asString()).startsWith("TC-2091-");
        assertThat(byId.get(e2).get("status").asString()).isEqualTo("ENROLLED");
        assertThat(byId.get(e2).get("attendance").asString()).isEqualTo("ABSENT");
        enrol(agent3, session, 409);

        String online = createCourse("ONLINE", "2", "60", null);
        addQuestion(online, "TRUE_FALSE", 1, true, false);
        long onlineSession = schedule(online, 10);
        long e3 = enrol(agent1, onlineSession, 201).get("id").asLong();
        JsonNode paper = read(agent1, "/api/v1/training/enrolments/" + e3 + "/exam");
        JsonNode result = call(agent1, post("/api/v1/training/enrolments/" + e3 + "/attempts"),
                Map.of("answers", List.of(Map.of("questionId", paper.get("questions").get(0).get("id").asLong(),
                        "optionIds", List.of(paper.get("questions").get(0).get("options").get(0).get("id").asLong())))),
                201);
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("enrolment").get("status").asString()).as("online: no attendance needed")
                .isEqualTo("COMPLETED");

        long userId = users.member(agent1).orElseThrow().userId();
        JsonNode transcript = read(agent1, "/api/v1/training/transcripts/" + userId + "?year=2091");
        assertThat(transcript.get("position").asString()).isEqualTo("AGENT");
        assertThat(transcript.get("requiredHours").decimalValue()).as("the station's plan is nearer than the city's")
                .isEqualByComparingTo("4");
        assertThat(transcript.get("completedHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(transcript.get("remainingHours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(transcript.get("courses").size()).isEqualTo(2);
        assertThat(read(agent1, "/api/v1/training/transcripts/me?year=2091").get("userId").asLong()).isEqualTo(userId);
        assertThat(read(supervisor, "/api/v1/training/transcripts/" + userId + "?year=2091").get("completedHours")
                .decimalValue()).as("the station's leader").isEqualByComparingTo("3.5");
        assertThat(status(agent2, get("/api/v1/training/transcripts/" + userId))).isEqualTo(404);
        assertThat(status(otherTrainer, get("/api/v1/training/transcripts/" + userId))).isEqualTo(404);
        assertThat(status(agent1, get("/api/v1/training/transcripts/" + userId + "?year=1066"))).isEqualTo(400);

        assertThat(transcripts.requiredHours(userId, 2091)).isEqualByComparingTo("4");
        assertThat(transcripts.requiredHours(userId, 2091, 1)).isEqualByComparingTo("1.5");
        assertThat(transcripts.requiredHours(userId, 2092)).isZero();
        assertThat(transcripts.hoursCompleted(userId, LocalDate.of(2091, 3, 6), LocalDate.of(2091, 3, 6)))
                .isEqualByComparingTo("3.5");
        assertThat(transcripts.hoursCompleted(userId, LocalDate.of(2091, 3, 7), LocalDate.of(2091, 12, 31))).isZero();
        long agent2Id = users.member(agent2).orElseThrow().userId();
        Transcripts.Completion completion = transcripts.completion(agent2Id, LocalDate.of(2091, 1, 1),
                LocalDate.of(2091, 12, 31));
        assertThat(completion.due()).isEqualTo(1);
        assertThat(completion.completed()).isZero();
        assertThat(completion.rate()).isEqualByComparingTo("0");
        assertThat(ApiRequests.auditActions(mvc, "TrainingSession", String.valueOf(session)))
                .contains("TRAINING_SESSION_SCHEDULED", "TRAINING_ATTENDANCE_RECORDED");
        assertThat(ApiRequests.auditActions(mvc, "TrainingEnrolment", String.valueOf(e1)))
                .contains("TRAINING_ENROLLED", "TRAINING_COMPLETED");
        assertThat(ApiRequests.auditActions(mvc, "TrainingPlan", stationPlan.get("id").asString()))
                .contains("TRAINING_PLAN_CREATED");
    }

    @Test
    void examAttemptsAreScoredWithTheExamsMultipleChoiceRuleUpToTheMaximum() throws Exception {
        String code = code();
        call(trainer, post("/api/v1/training/courses"), Map.of("code", code, "title", "抢修规范考试",
                "topic", "EMERGENCY_HANDLING", "mode", "INTERNAL", "hours", 1, "passMark", 80, "maxAttempts", 2,
                "multipleRule", "PROPORTIONAL"), 201);
        addQuestion(code, "SINGLE", 2, true, false, false);
        addQuestion(code, "MULTIPLE", 4, true, true, true, false);
        addQuestion(code, "TRUE_FALSE", 2, true, false);
        long session = schedule(code, 5);
        long enrolment = enrol(agent1, session, 201).get("id").asLong();
        String exam = "/api/v1/training/enrolments/" + enrolment + "/exam";
        JsonNode paper = read(agent1, exam);
        assertThat(paper.get("maxAttempts").asInt()).isEqualTo(2);
        assertThat(paper.toString()).as("the paper never carries the answers").doesNotContain("correct");
        assertThat(status(agent2, get(exam))).isEqualTo(404);
        JsonNode single = paper.get("questions").get(0);
        JsonNode multiple = paper.get("questions").get(1);
        JsonNode trueFalse = paper.get("questions").get(2);
        String attempts = "/api/v1/training/enrolments/" + enrolment + "/attempts";

        assertProblem(call(agent1, post(attempts), Map.of("answers", List.of(answer(999_999_999L))), 400),
                "answers[0].questionId");
        assertProblem(call(agent1, post(attempts), Map.of("answers", List.of(answer(single.get("id").asLong(),
                option(single, 0), option(single, 1)))), 400), "answers[0].optionIds");
        assertProblem(call(agent1, post(attempts), Map.of("answers", List.of(answer(single.get("id").asLong(),
                option(multiple, 0)))), 400), "answers[0].optionIds");
        // an empty answer, or an empty option in one: named, not a server error (JsonConfiguration)
        assertProblem(call(agent1, post(attempts), Map.of("answers", java.util.Arrays.asList(
                answer(single.get("id").asLong(), option(single, 0)), null)), 400), "answers[1]");
        assertProblem(call(agent1, post(attempts), Map.of("answers", List.of(Map.of("questionId",
                single.get("id").asLong(), "optionIds", java.util.Arrays.asList((Object) null)))), 400),
                "answers[0].optionIds[0]");
        call(agent2, post(attempts), Map.of("answers", List.of()), 404);

        JsonNode first = call(agent1, post(attempts), Map.of("answers", List.of(
                answer(single.get("id").asLong(), option(single, 0)),
                answer(multiple.get("id").asLong(), option(multiple, 0), option(multiple, 1)),
                answer(trueFalse.get("id").asLong(), option(trueFalse, 1)))), 201);
        assertThat(first.get("points").decimalValue()).as("2 + 4×2/3 + 0").isEqualByComparingTo("4.67");
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("58.38");
        assertThat(first.get("passed").asBoolean()).isFalse();

        JsonNode second = call(agent1, post(attempts), Map.of("answers", List.of(
                answer(single.get("id").asLong(), option(single, 0)),
                answer(multiple.get("id").asLong(), option(multiple, 0), option(multiple, 3)),
                answer(trueFalse.get("id").asLong(), option(trueFalse, 0)))), 201);
        assertThat(second.get("points").decimalValue()).as("a wrong option scores the question 0")
                .isEqualByComparingTo("4");
        assertThat(second.get("enrolment").get("bestScore").decimalValue()).isEqualByComparingTo("58.38");
        assertThat(second.get("enrolment").get("attempts").asInt()).isEqualTo(2);
        call(agent1, post(attempts), Map.of("answers", List.of()), 409);

        long other = enrol(agent2, session, 201).get("id").asLong();
        JsonNode passed = call(agent2, post("/api/v1/training/enrolments/" + other + "/attempts"), Map.of("answers",
                List.of(answer(single.get("id").asLong(), option(single, 0)),
                        answer(multiple.get("id").asLong(), option(multiple, 0), option(multiple, 1),
                                option(multiple, 2)),
                        answer(trueFalse.get("id").asLong(), option(trueFalse, 0)))), 201);
        assertThat(passed.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(passed.get("enrolment").get("status").asString()).as("passed, but attendance not yet recorded")
                .isEqualTo("ENROLLED");
        call(agent2, post("/api/v1/training/enrolments/" + other + "/attempts"), Map.of("answers", List.of()), 409);
        clock.advance(Duration.ofDays(1));
        // a passed exam is a training result: with its incentive rule proposing automatically, completing the course
        // proposes the reward (奖惩) for a manager to approve
        jdbc.sql("update incentive_rule set auto_propose = true where cause_type = 'TRAINING_RESULT'").update();
        try {
            call(trainer, post("/api/v1/training/sessions/" + session + "/attendance"), Map.of("present",
                    List.of(enrolment, other)), 200);
        } finally {
            jdbc.sql("update incentive_rule set auto_propose = false where cause_type = 'TRAINING_RESULT'").update();
        }
        assertThat(jdbc.sql("select status || ' ' || cause_ref from incentive_record where staff_username = :u "
                + "and cause_type = 'TRAINING_RESULT'").param("u", agent2).query(String.class).list())
                .containsExactly("PROPOSED training:" + other);
        assertThat(jdbc.sql("select count(*) from incentive_record where staff_username = :u")
                .param("u", agent1).query(Long.class).single()).as("failed the exam: no result to reward").isZero();
        assertThat(read(agent2, "/api/v1/training/enrolments/" + other).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(read(agent1, "/api/v1/training/enrolments/" + enrolment).get("status").asString())
                .as("present but failed the exam").isEqualTo("ENROLLED");
        assertThat(ApiRequests.auditActions(mvc, "TrainingEnrolment", String.valueOf(enrolment)))
                .contains("TRAINING_EXAM_ATTEMPTED");
    }

    // ---- helpers

    private String code() {
        return "TR-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private Map<String, Object> course(String code, String mode, String hours, String passMark, String rule) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "课程 " + code);
        body.put("topic", "SERVICE_NORMS");
        body.put("mode", mode);
        body.put("hours", new BigDecimal(hours));
        body.put("unitCode", city.code());
        if (passMark != null) {
            body.put("passMark", new BigDecimal(passMark));
        }
        if (rule != null) {
            body.put("multipleRule", rule);
        }
        return body;
    }

    private String createCourse(String mode, String hours, String passMark, String rule) throws Exception {
        String code = code();
        call(trainer, post("/api/v1/training/courses"), course(code, mode, hours, passMark, rule), 201);
        return code;
    }

    private static Map<String, Object> question(String kind, int points, boolean... correct) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            options.add(Map.of("label", "选项 " + (char) ('A' + i), "correct", correct[i]));
        }
        return Map.of("kind", kind, "text", "题目 " + kind, "points", points, "options", options);
    }

    private void addQuestion(String code, String kind, int points, boolean... correct) throws Exception {
        call(trainer, post("/api/v1/training/courses/" + code + "/questions"), question(kind, points, correct), 201);
    }

    private long schedule(String code, int capacity) throws Exception {
        return call(trainer, post("/api/v1/training/sessions"), Map.of("courseCode", code,
                "startsAt", clock.instant().plus(Duration.ofHours(20)).toString(),
                "endsAt", clock.instant().plus(Duration.ofHours(23)).toString(), "place", "城区培训室",
                "trainer", trainer, "capacity", capacity, "unitCode", city.code()), 201).get("id").asLong();
    }

    private JsonNode enrol(String username, long session, int expected) throws Exception {
        return call(username, post("/api/v1/training/sessions/" + session + "/enrolments"), Map.of(), expected);
    }

    private Map<String, Object> plan(String unit, Integer quarter, String position, String hours) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitCode", unit);
        body.put("year", 2091);
        body.put("quarter", quarter);
        body.put("title", "2091 年培训计划");
        body.put("requirements", List.of(Map.of("position", position, "requiredHours", new BigDecimal(hours))));
        return body;
    }

    private static long option(JsonNode question, int index) {
        return question.get("options").get(index).get("id").asLong();
    }

    private static Map<String, Object> answer(long questionId, long... options) {
        List<Long> ids = new ArrayList<>();
        for (long o : options) {
            ids.add(o);
        }
        return Map.of("questionId", questionId, "optionIds", ids);
    }

    private JsonNode call(String username, MockHttpServletRequestBuilder request, Object body, int expected)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String content = response.getContentAsString();
        return content.isBlank() ? json.readTree("{}") : json.readTree(content);
    }

    private int status(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(username))).andReturn().getResponse().getStatus();
    }

    private int status(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.with(as(username)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse().getStatus();
    }

    private JsonNode read(String username, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private static void assertProblem(JsonNode problem, String... fields) {
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(fields);
    }
}
