package org.gridcare.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Training linked to the other modules: a published standard enrols the staff it binds in its read-and-acknowledge
 * course (completing it acknowledges the standard), and an exemplary order becomes an anonymised teaching case.
 */
@GridCareTest
class TrainingLinksTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;

    private OrgUnit city;
    private OrgUnit station;
    private String owner;
    private String reviewer;
    private String manager;
    private String trainer;
    private String agent;
    private String colleague;
    private String crew;

    @BeforeEach
    void world() {
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("LC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("LS"), OrgUnitKind.SUPPLY_STATION, city.code());
        owner = Fixtures.unique("lown");
        reviewer = Fixtures.unique("lrev");
        manager = Fixtures.unique("lmgr");
        trainer = Fixtures.unique("ltrn");
        agent = Fixtures.unique("lag");
        colleague = Fixtures.unique("lcol");
        crew = Fixtures.unique("lcrew");
        fixtures.user(owner, city.code(), Role.SUPERVISOR);
        fixtures.user(reviewer, city.code(), Role.SUPERVISOR);
        fixtures.user(manager, city.code(), Role.MANAGER);
        fixtures.user(trainer, city.code(), Role.TRAINER);
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(colleague, station.code(), Role.AGENT);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
    }

    @Test
    void aPublishedStandardEnrolsItsBoundStaffAndCompletingTheCourseAcknowledgesIt() throws Exception {
        String code = "T-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "测试规范 " + code);
        body.put("category", "CONDUCT");
        body.put("ownerUnitCode", city.code());
        body.put("scopeUnitCodes", List.of(station.code()));
        body.put("scopeRoles", List.of("AGENT"));
        body.put("reviewIntervalMonths", 12);
        body.put("body", "# 规范\n\n使用文明用语。");
        body.put("clauses", Map.of("clocks", List.of(), "replyElements", List.of()));
        call(owner, post("/api/v1/standards"), body, 201);
        int version = call(owner, post("/api/v1/standards/" + code + "/versions/1/submit"), Map.of("version", 0), 200)
                .get("version").asInt();
        version = call(reviewer, post("/api/v1/standards/" + code + "/versions/1/approve"), Map.of("version", version),
                200).get("version").asInt();
        call(manager, post("/api/v1/standards/" + code + "/versions/1/publish"), Map.of("version", version), 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgeCourse(agent, code) != null);
        JsonNode enrolment = acknowledgeCourse(agent, code);
        assertThat(enrolment.get("courseKind").asString()).isEqualTo("READ_ACKNOWLEDGE");
        assertThat(enrolment.get("source").asString()).isEqualTo("STANDARD");
        assertThat(enrolment.get("courseCode").asString()).isEqualTo("ACK-" + code + "-V1");
        assertThat(enrolment.get("dueAt")).isNotNull();
        assertThat(acknowledgeCourse(colleague, code)).as("every bound agent").isNotNull();
        assertThat(acknowledgeCourse(crew, code)).as("field staff are not bound").isNull();
        JsonNode course = read(agent, "/api/v1/training/courses/" + enrolment.get("courseCode").asString());
        assertThat(course.get("materials").get(0).get("standardCode").asString()).isEqualTo(code);
        assertThat(read(agent, "/api/v1/standards/tasks").get("acknowledgements").toString()).contains(code);

        long id = enrolment.get("id").asLong();
        call(colleague, post("/api/v1/training/enrolments/" + id + "/acknowledge"), Map.of(), 404);
        JsonNode done = call(agent, post("/api/v1/training/enrolments/" + id + "/acknowledge"), Map.of(), 200);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("hoursCredited").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(read(agent, "/api/v1/standards/tasks").get("acknowledgements").toString())
                .as("the standard's task is acknowledged by the course").doesNotContain(code);
        assertThat(read(manager, "/api/v1/standards/" + code).get("acknowledgements").get("acknowledged").asInt())
                .isEqualTo(1);
        call(agent, post("/api/v1/training/enrolments/" + id + "/acknowledge"), Map.of(), 409);
        assertThat(ApiRequests.auditActions(mvc, "Standard", code)).contains("STANDARD_ACKNOWLEDGED");
        assertThat(ApiRequests.auditActions(mvc, "TrainingEnrolment", String.valueOf(id)))
                .contains("TRAINING_COMPLETED", "TRAINING_STANDARD_READ");
    }

    @Test
    void anExemplaryOrderBecomesAnAnonymisedTeachingCaseAttachedToACourse() throws Exception {
        String customer = customer();
        String praise = order("PRAISE", "PRAISE", customer, "王小明先生来电表扬抢修员：联系电话 13912345678，"
                + "身份证号 330102199001011234，户号 " + customer + "，家住西湖区文三路 90 号 2 单元 301 室。"
                + "王小明说抢修人员 45 分钟到场，雨夜抢修很辛苦。");
        String course = "TR-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
        call(trainer, post("/api/v1/training/courses"), Map.of("code", course, "title", "优质服务案例",
                "topic", "COMMUNICATION", "mode", "CASE_STUDY", "hours", 1, "unitCode", city.code()), 201);

        call(agent, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER", "reference", praise,
                "title", "雨夜抢修"), 403);
        assertProblem(call(trainer, post("/api/v1/training/cases"), Map.of("source", "COMPLAINT", "reference", "abc",
                "title", "x"), 400), "reference");
        assertProblem(call(trainer, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER",
                "reference", "NO-SUCH-ORDER", "title", "x"), 400), "reference");
        assertProblem(call(trainer, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER", "reference", praise,
                "title", "x", "courseCodes", List.of("NO-SUCH")), 400), "courseCodes[0]");
        String consultation = order("CONSULTATION", "CONSULTATION", customer, "咨询电价");
        call(trainer, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER", "reference", consultation,
                "title", "x"), 409);

        JsonNode made = call(trainer, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER",
                "reference", praise, "title", "王小明表扬雨夜抢修", "lesson", "到场及时、沟通耐心",
                "courseCodes", List.of(course)), 201);
        String all = made.toString();
        assertThat(all).doesNotContain("王小明", "13912345678", "330102199001011234", customer, "文三路 90 号",
                "301 室");
        assertThat(made.get("narrative").asString()).contains("【姓名】", "【电话】", "【身份证号】", "【户号】",
                "【地址】", "45 分钟到场");
        assertThat(made.get("title").asString()).isEqualTo("【姓名】表扬雨夜抢修");
        assertThat(made.get("courseCodes").toString()).contains(course);
        call(trainer, post("/api/v1/training/cases"), Map.of("source", "WORK_ORDER", "reference", praise,
                "title", "again"), 409);
        JsonNode detail = read(agent, "/api/v1/training/courses/" + course);
        assertThat(detail.get("cases").get(0).get("id").asLong()).isEqualTo(made.get("id").asLong());
        assertThat(ApiRequests.auditActions(mvc, "TrainingCase", made.get("id").asString()))
                .contains("TRAINING_CASE_CREATED");
    }

    private JsonNode acknowledgeCourse(String username, String standardCode) throws Exception {
        for (JsonNode e : read(username, "/api/v1/training/enrolments")) {
            if (e.get("courseCode").asString().equals("ACK-" + standardCode + "-V1")) {
                return e;
            }
        }
        return null;
    }

    private String customer() throws Exception {
        String number = "33" + String.format("%011d", Math.abs(System.nanoTime()) % 100_000_000_000L);
        var body = Map.of("number", number, "name", "王小明", "kind", "RESIDENTIAL", "voltageLevel", "AC220V",
                "address", "西湖区文三路 90 号", "phone", "13912345678", "unitCode", station.code());
        MockHttpServletResponse response = mvc.perform(post("/api/v1/customers").with(asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return number;
    }

    private String order(String type, String category, String customer, String description) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("category", category);
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        body.put("customerNumber", customer);
        body.put("callerName", "王小明");
        body.put("callerPhone", "13912345678");
        body.put("description", description);
        return call(agent, post("/api/v1/work-orders"), body, 201).get("number").asString();
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
