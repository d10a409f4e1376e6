package org.gridcare.standards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.quality.RubricVersion;
import org.gridcare.quality.Rubrics;
import org.gridcare.shared.BusinessTime;
import org.gridcare.workorder.ReplyRequirements;
import org.gridcare.workorder.WorkOrderType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Rubric clauses of a standard and what retiring a version does to the live rules: a published rubric clause is the
 * quality module's rubric of its order type from the version's date (and a version approved ahead switches at its
 * date), a bad clause is refused naming the field, the diff shows rubric changes, retiring ends the clock rules,
 * reply requirements and rubrics for new orders (running orders keep their clocks), and compliance counts the
 * inspections scored against the standard's rubrics. Each test has an order type's rubric and a far year of its
 * own (PRAISE 2105, SERVICE_APPLICATION 2106, CONSULTATION 2107), so no other test sees its rules.
 */
@GridCareTest
class StandardRubricTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired StandardsScheduler scheduler;
    @Autowired Rubrics rubrics;
    @Autowired ReplyRequirements replyRequirements;
    @Autowired UserDetailsService accounts;

    private OrgUnit city;
    private OrgUnit station;
    private String owner;
    private String reviewer;
    private String manager;
    private String agent;
    private String dispatcher;
    private String crew;
    private String inspector;

    @BeforeEach
    void world() {
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("RC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("RS"), OrgUnitKind.SUPPLY_STATION, city.code());
        owner = Fixtures.unique("rowner");
        reviewer = Fixtures.unique("rrev");
        manager = Fixtures.unique("rmgr");
        agent = Fixtures.unique("ragent");
        dispatcher = Fixtures.unique("rdisp");
        crew = Fixtures.unique("rcrew");
        inspector = Fixtures.unique("rinsp");
        fixtures.user(owner, city.code(), Role.SUPERVISOR);
        fixtures.user(reviewer, city.code(), Role.SUPERVISOR);
        fixtures.user(manager, city.code(), Role.MANAGER);
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        fixtures.user(inspector, city.code(), Role.INSPECTOR);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aPublishedRubricClauseIsTheTypesRubricFromItsDateAndARevisionApprovedAheadSwitchesThen() throws Exception {
        clock.set(Instant.parse("2105-03-02T02:00:00Z"));
        String code = newCode();
        String customer = customer();
        Map<String, Object> contact = clockClause("CONTACT", "OPINION", List.of("ACCEPTED"),
                List.of("TAKEN", "REPLIED"), 2, "HOURS");
        JsonNode v1 = publishFirst(code, List.of(contact), List.of(), List.of(rubric("PRAISE", "表扬工单质检（测试）",
                item("VERIFIED", "表扬核实", "40", "ERROR"), item("CREDITED", "记入班组", "60", "SERIOUS_ERROR"))),
                null);
        assertThat(v1.get("status").asString()).isEqualTo("PUBLISHED");
        Instant effective1 = Instant.parse(v1.get("effectiveFrom").asString());
        RubricVersion first = rubrics.inForce(WorkOrderType.PRAISE, null).orElseThrow();
        assertThat(first.sourceStandardRef()).isEqualTo(code + " v1");
        assertThat(first.effectiveFrom()).isEqualTo(effective1);
        assertThat(first.title()).isEqualTo("表扬工单质检（测试）");
        assertThat(first.items()).extracting(RubricVersion.Item::code).containsExactly("VERIFIED", "CREDITED");
        assertThat(first.totalPoints()).isEqualByComparingTo("100");
        assertThat(v1.get("clauses").get("rubrics").get(0).get("items").get(1).get("severity").asString())
                .isEqualTo("SERIOUS_ERROR");

        JsonNode opinionDuringV1 = order("OPINION", customer);
        assertThat(contactDue(opinionDuringV1)).isEqualTo(acceptedAt(opinionDuringV1).plus(Duration.ofHours(2)));

        // a revision that reweighs the items and drops the clock clause, approved ahead of its effective date
        call(owner, post("/api/v1/standards/" + code + "/versions"), Map.of("changeNote", "调整分值"), 201);
        JsonNode draft = call(owner, put("/api/v1/standards/" + code + "/versions/2"), Map.of("version", 0,
                "body", "# 表扬处理规范\n\n表扬须核实。", "clauses", Map.of("rubrics", List.of(rubric("PRAISE", null,
                        item("VERIFIED", "表扬核实", "70", "ERROR"), item("CREDITED", "记入班组", "30", "ERROR"))))), 200);
        int version = act(owner, code, 2, "submit", Map.of("version", draft.get("version").asInt()), 200)
                .get("version").asInt();
        version = act(reviewer, code, 2, "approve", Map.of("version", version), 200).get("version").asInt();
        Instant effective2 = Instant.now(clock).plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        act(manager, code, 2, "publish", Map.of("version", version, "effectiveFrom", effective2.toString()), 200);

        JsonNode diff = read(owner, "/api/v1/standards/" + code + "/diff?from=1&to=2");
        List<String> changed = new ArrayList<>();
        diff.get("rows").forEach(r -> {
            if (!r.get("tag").asString().equals("EQUAL")) {
                changed.add(r.get("left").asString() + " => " + r.get("right").asString());
            }
        });
        // the rows pair as the diff aligns them: each old rubric line on the left, each new one on the right
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        diff.get("rows").forEach(r -> {
            if (!r.get("tag").asString().equals("EQUAL")) {
                left.add(r.get("left").asString());
                right.add(r.get("right").asString());
            }
        });
        assertThat(left).contains("RUBRIC PRAISE VERIFIED 表扬核实 (Item VERIFIED): 40 ERROR — 测试项目",
                "RUBRIC PRAISE CREDITED 记入班组 (Item CREDITED): 60 SERIOUS_ERROR — 测试项目")
                .anyMatch(l -> l.startsWith("SLA CONTACT OPINION"));
        assertThat(right).contains("RUBRIC PRAISE VERIFIED 表扬核实 (Item VERIFIED): 70 ERROR — 测试项目",
                "RUBRIC PRAISE CREDITED 记入班组 (Item CREDITED): 30 ERROR — 测试项目")
                .noneMatch(l -> l.contains("40 ERROR") || l.startsWith("SLA "));
        assertThat(changed).noneMatch(c -> c.contains("SERVICE_APPLICATION"));

        scheduler.run(Instant.now(clock));
        assertThat(rubrics.inForce(WorkOrderType.PRAISE, null).orElseThrow().id()).isEqualTo(first.id());
        RubricVersion second = rubrics.inForce(WorkOrderType.PRAISE, effective2).orElseThrow();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.sourceStandardRef()).isEqualTo(code + " v2");
        assertThat(second.title()).isEqualTo("测试标准 " + code + "（" + code + " v2）");
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        scheduler.run(Instant.now(clock));
        assertThat(read(owner, "/api/v1/standards/" + code).get("inForce").get("number").asInt()).isEqualTo(2);
        RubricVersion now = rubrics.inForce(WorkOrderType.PRAISE, null).orElseThrow();
        assertThat(now.id()).isEqualTo(second.id());
        assertThat(now.items()).extracting(i -> i.points().stripTrailingZeros().toPlainString())
                .containsExactly("70", "30");
        // the dropped clock clause ends with v1: a new opinion has no CONTACT clock (none before the standard)
        JsonNode opinionAfter = order("OPINION", customer);
        assertThat(opinionAfter.get("clocks").toString()).doesNotContain("CONTACT");
        assertThat(contactDue(read(agent, "/api/v1/work-orders/" + opinionDuringV1.get("number").asString())))
                .isEqualTo(acceptedAt(opinionDuringV1).plus(Duration.ofHours(2)));
        assertThat(ApiRequests.auditActions(mvc, "RubricVersion", String.valueOf(second.id())))
                .contains("RUBRIC_PUBLISHED");

        assertThat(read(owner, "/api/v1/standards/" + code + "/versions/2").get("slaPolicyNumber").isNull()).isFalse();
        // the console shows the rubric clauses and edits them in the draft editor
        String page = page(manager, "/standards/" + code + "/versions/2");
        assertThat(page).contains("gc-rubric-clauses", "VERIFIED", "记入班组");
        call(owner, post("/api/v1/standards/" + code + "/versions"), Map.of(), 201);
        String editor = page(owner, "/standards/" + code + "/versions/3/edit");
        assertThat(editor).contains("gc-draft-rubrics", "value=\"CREDITED\"");
        MockHttpServletResponse saved = mvc.perform(post("/standards/" + code + "/versions/3/edit")
                .with(user(accounts.loadUserByUsername(owner))).with(csrf())
                .param("version", "0").param("body", "# 表扬处理规范\n\n第三版。")
                .param("rubrics[0].orderType", "PRAISE").param("rubrics[0].code", "VERIFIED")
                .param("rubrics[0].name", "表扬核实").param("rubrics[0].points", "55").param("rubrics[0].severity", "ERROR")
                .param("rubrics[1].orderType", "PRAISE").param("rubrics[1].code", "CREDITED")
                .param("rubrics[1].name", "记入班组").param("rubrics[1].points", "45")
                .param("rubrics[1].severity", "ERROR").param("rubrics[1].remove", "false")
                .param("rubrics[2].orderType", "PRAISE").param("rubrics[2].code", "EXTRA")
                .param("rubrics[2].name", "多余").param("rubrics[2].points", "5").param("rubrics[2].severity", "ERROR")
                .param("rubrics[2].remove", "true"))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
        JsonNode v3 = read(owner, "/api/v1/standards/" + code + "/versions/3");
        JsonNode items = v3.get("clauses").get("rubrics").get(0).get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("points").decimalValue()).isEqualByComparingTo("55");
        // a bad row in the console: the form shows the field, nothing is saved
        String refused = mvc.perform(post("/standards/" + code + "/versions/3/edit")
                .with(user(accounts.loadUserByUsername(owner))).with(csrf())
                .param("version", String.valueOf(v3.get("version").asInt())).param("body", "# x")
                .param("rubrics[0].orderType", "PRAISE").param("rubrics[0].code", "VERIFIED")
                .param("rubrics[0].name", "表扬核实").param("rubrics[0].points", "abc")
                .param("rubrics[0].severity", "ERROR"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("gc-form-error", "clauses.rubrics[0].items[0].points");
        assertThat(read(owner, "/api/v1/standards/" + code + "/versions/3").get("body").asString())
                .isEqualTo("# 表扬处理规范\n\n第三版。");
    }

    @Test
    void aBadRubricClauseIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        String code = newCode();
        Map<String, Object> body = standardBody(code, List.of(), List.of(), List.of(rubric("OPINION", null,
                item("FOLLOW_UP", "转办反馈", "100", "ERROR"))));
        call(owner, post("/api/v1/standards"), body, 201);
        Map<String, Object> badItem = new HashMap<>(item("bad code", "", "0", "FATAL"));
        Map<String, Object> missingPoints = new HashMap<>(item("FOLLOW_UP", "转办反馈", "1", "ERROR"));
        missingPoints.remove("points");
        JsonNode problem = call(owner, put("/api/v1/standards/" + code + "/versions/1"), Map.of("version", 0,
                "body", "# 改了", "clauses", Map.of("rubrics", List.of(
                        rubric("OPINION", null, badItem, missingPoints, item("FOLLOW_UP", "重复", "5", "ERROR")),
                        rubric("OPINION", null, item("X", "x", "1", "ERROR")),
                        rubric("NOPE", null, item("X", "x", "1", "ERROR")),
                        rubric("REPORT", null)))), 400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("clauses.rubrics[0].items[0].code", "clauses.rubrics[0].items[0].name",
                "clauses.rubrics[0].items[0].points", "clauses.rubrics[0].items[0].severity",
                "clauses.rubrics[0].items[1].points", "clauses.rubrics[0].items[2].code",
                "clauses.rubrics[1].orderType", "clauses.rubrics[2].orderType", "clauses.rubrics[3].items");
        assertThat(fields).containsOnlyOnce("clauses.rubrics[0].items[0].severity");
        JsonNode unchanged = read(owner, "/api/v1/standards/" + code + "/versions/1");
        assertThat(unchanged.get("body").asString()).isEqualTo("# 行为规范\n\n## 一、用语\n使用文明用语，不得推诿。");
        assertThat(unchanged.get("clauses").get("rubrics").get(0).get("items").get(0).get("code").asString())
                .isEqualTo("FOLLOW_UP");
        // a new standard with a bad clause is not created at all
        String other = newCode();
        call(owner, post("/api/v1/standards"), standardBody(other, List.of(), List.of(),
                List.of(rubric("OPINION", null, item("A", "a", "101", "ERROR")))), 400);
        mvc.perform(get("/api/v1/standards/" + other).with(as(owner)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
    }

    @Test
    void retiringEndsTheClockRulesReplyRequirementsAndRubricForNewOrdersButNotForRunningOnes() throws Exception {
        clock.set(Instant.parse("2106-03-02T02:00:00Z"));
        String customer = customer();
        // what was in force before the standard
        JsonNode earlier = order("COMPLAINT", customer);
        Duration contactBefore = Duration.between(acceptedAt(earlier), contactDue(earlier));
        List<ReplyRequirements.ReplyElement> repliesBefore = replyRequirements.inForce("COMPLAINT",
                Instant.now(clock));
        RubricVersion rubricBefore = rubrics.inForce(WorkOrderType.SERVICE_APPLICATION, null).orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        String code = newCode();
        Map<String, Object> clock6h = clockClause("CONTACT", "COMPLAINT", List.of("ACCEPTED"),
                List.of("TAKEN", "REPLIED"), 6, "HOURS");
        Map<String, Object> apology = Map.of("orderType", "COMPLAINT", "code", "APOLOGY", "label", "致歉",
                "keywords", List.of("致歉", "道歉"));
        JsonNode published = publishFirst(code, List.of(clock6h), List.of(apology),
                List.of(rubric("SERVICE_APPLICATION", null, item("STEPS", "环节齐全", "100", "ERROR"))), null);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        clock.advance(Duration.ofMinutes(5));
        JsonNode running = order("COMPLAINT", customer);
        Instant runningDue = contactDue(running);
        assertThat(runningDue).isEqualTo(acceptedAt(running).plus(Duration.ofHours(6)));
        assertThat(replyRequirements.inForce("COMPLAINT", Instant.now(clock)))
                .extracting(ReplyRequirements.ReplyElement::code).containsExactly("APOLOGY");
        RubricVersion fromStandard = rubrics.inForce(WorkOrderType.SERVICE_APPLICATION, null).orElseThrow();
        assertThat(fromStandard.sourceStandardRef()).isEqualTo(code + " v1");

        clock.advance(Duration.ofHours(1));
        act(agent, code, 1, "retire", Map.of("version", published.get("version").asInt()), 403);
        JsonNode retired = act(manager, code, 1, "retire", Map.of("version", published.get("version").asInt()), 200);
        assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
        assertThat(ApiRequests.auditActions(mvc, "Standard", code)).contains("STANDARD_VERSION_RETIRE",
                "STANDARD_RULES_ENDED");

        // new orders: the clock of before the standard; the running order keeps its six hours
        JsonNode after = order("COMPLAINT", customer);
        assertThat(Duration.between(acceptedAt(after), contactDue(after))).isEqualTo(contactBefore)
                .isNotEqualTo(Duration.ofHours(6));
        assertThat(contactDue(read(agent, "/api/v1/work-orders/" + running.get("number").asString())))
                .isEqualTo(runningDue);
        // the reply requirements and the rubric of before the standard are back
        assertThat(replyRequirements.inForce("COMPLAINT", Instant.now(clock))).isEqualTo(repliesBefore);
        RubricVersion restored = rubrics.inForce(WorkOrderType.SERVICE_APPLICATION, null).orElseThrow();
        assertThat(restored.id()).isNotIn(rubricBefore.id(), fromStandard.id());
        assertThat(restored.sourceStandardRef()).isEqualTo(rubricBefore.sourceStandardRef());
        assertThat(restored.items()).extracting(RubricVersion.Item::code)
                .containsExactlyElementsOf(rubricBefore.items().stream().map(RubricVersion.Item::code).toList());
        assertThat(rubrics.get(fromStandard.id()).supersededAt()).isEqualTo(restored.effectiveFrom());
    }

    @Test
    void aStandardWhoseRetirementWouldLeaveNewOrdersWithoutTheirTimeLimitsStaysInForce() throws Exception {
        // the repair standard carries the repair clocks of the default policy, with nothing before it
        JsonNode inForce = read(asAdmin(), "/api/v1/standards/GC-QX-001").get("inForce");
        int number = inForce.get("number").asInt();
        int policy = inForce.get("slaPolicyNumber").asInt();
        JsonNode refused = call(asAdmin(), post("/api/v1/standards/GC-QX-001/versions/" + number + "/retire"),
                Map.of("version", inForce.get("version").asInt()), 409);
        assertThat(refused.get("detail").asString()).contains("GC-QX-001", "DISPATCH (FAULT_REPAIR",
                "ARRIVAL (FAULT_REPAIR", "RESTORATION (FAULT_REPAIR");
        JsonNode after = read(asAdmin(), "/api/v1/standards/GC-QX-001").get("inForce");
        assertThat(after.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(after.get("slaPolicyNumber").asInt()).isEqualTo(policy);
        assertThat(ApiRequests.auditActions(mvc, "Standard", "GC-QX-001")).doesNotContain("STANDARD_VERSION_RETIRE",
                "STANDARD_RULES_ENDED");
        JsonNode repair = read(asAdmin(), "/api/v1/sla/preview?type=FAULT_REPAIR&priority=NORMAL&areaType=URBAN"
                + "&channel=HOTLINE_95598&start=2026-06-01T02:00:00Z");
        List<String> clocks = new ArrayList<>();
        repair.get("clocks").forEach(c -> clocks.add(c.get("name").asString()));
        assertThat(clocks).contains("DISPATCH", "ARRIVAL");
    }

    @Test
    void complianceCountsTheOrdersInspectedAgainstTheStandardsRubricsAndTheEvaluationListsTheFindings()
            throws Exception {
        at("2107-03-01T09:00");
        String code = newCode();
        publishFirst(code, List.of(), List.of(), List.of(rubric("CONSULTATION", "咨询质检（测试）",
                item("ANSWER", "答复准确", "60", "ERROR"), item("POLITE", "文明用语", "40", "SERIOUS_ERROR"))), null);
        String customer = customer();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            at("2107-03-0" + (2 + i) + "T10:00");
            JsonNode order = order("CONSULTATION", customer);
            String number = order.get("number").asString();
            call(agent, post("/api/v1/work-orders/" + number + "/close"), Map.of("version", 0,
                    "replyText", "已解答电价问题"), 200);
            numbers.add(number);
        }
        at("2107-04-01T09:00");
        JsonNode plan = call(owner, post("/api/v1/quality/plans"), Map.of("month", "2107-03", "unitCode",
                city.code(), "samplePercent", 100, "minPerStaff", 1, "seed", 7, "assignment", "ROUND_ROBIN",
                "excludeOwnUnit", false), 201);
        JsonNode list = read(inspector, "/api/v1/quality/inspections?plan=" + plan.get("id").asLong() + "&size=50");
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).hasSize(3);
        score(ids.get(0), Map.of("ANSWER", "FAIL"));
        score(ids.get(1), Map.of("ANSWER", "FAIL", "POLITE", "FAIL"));
        score(ids.get(2), Map.of());

        JsonNode compliance = null;
        for (JsonNode s : read(manager, "/api/v1/standards/compliance?weeks=8").get("standards")) {
            if (s.get("code").asString().equals(code)) {
                compliance = s;
            }
        }
        assertThat(compliance).isNotNull();
        assertThat(compliance.get("rubricClauses").asInt()).isEqualTo(1);
        assertThat(compliance.get("inspected").asLong()).isEqualTo(3);
        assertThat(compliance.get("inspectionMet").asLong()).isEqualTo(1);
        assertThat(compliance.get("inspectionRate").asDouble()).isEqualTo(33.33);
        assertThat(compliance.get("judged").asLong()).isZero();
        long weekly = 0;
        for (JsonNode w : compliance.get("trend")) {
            weekly += w.get("inspected").asLong();
        }
        assertThat(weekly).isEqualTo(3);

        JsonNode evaluation = read(manager, "/api/v1/standards/" + code + "/evaluation");
        assertThat(evaluation.get("inspected").asLong()).isEqualTo(3);
        assertThat(evaluation.get("inspectionMet").asLong()).isEqualTo(1);
        assertThat(evaluation.get("inspectionFindings").asLong()).isEqualTo(3);
        assertThat(evaluation.get("seriousFindings").asLong()).isEqualTo(1);
        assertThat(evaluation.get("findings").get(0).get("itemCode").asString()).isEqualTo("ANSWER");
        assertThat(evaluation.get("findings").get(0).get("count").asLong()).isEqualTo(2);

        // another unit's manager sees none of it (data scope)
        OrgUnit otherCity = fixtures.unit(Fixtures.unique("RO"), OrgUnitKind.CITY_COMPANY, "HQ");
        String otherManager = Fixtures.unique("romgr");
        fixtures.user(otherManager, otherCity.code(), Role.MANAGER);
        JsonNode theirs = read(otherManager, "/api/v1/standards/" + code + "/evaluation");
        assertThat(theirs.get("inspected").asLong()).isZero();
        assertThat(theirs.get("inspectionFindings").asLong()).isZero();

        String dashboard = page(manager, "/standards/dashboard?weeks=8");
        assertThat(dashboard).contains("gc-inspection-rate", "33.33 %");
        String report = page(manager, "/standards/" + code + "/evaluation");
        assertThat(report).contains("gc-evaluation-finding-table", "答复准确", "33.33 % (1/3)");
    }

    // ---- helpers

    private void score(long id, Map<String, String> fails) throws Exception {
        JsonNode inspection = read(inspector, "/api/v1/quality/inspections/" + id);
        List<Map<String, String>> findings = new ArrayList<>();
        for (JsonNode f : inspection.get("findings")) {
            String itemCode = f.get("code").asString();
            findings.add(fails.containsKey(itemCode)
                    ? Map.of("code", itemCode, "result", "FAIL", "comment", "不符合要求")
                    : Map.of("code", itemCode, "result", "PASS"));
        }
        call(inspector, post("/api/v1/quality/inspections/" + id + "/score"), Map.of("version",
                inspection.get("version").asInt(), "findings", findings, "comment", "质检"), 200);
    }

    private void at(String shanghaiTime) {
        clock.set(LocalDateTime.parse(shanghaiTime).atZone(BusinessTime.ZONE).toInstant());
    }

    private String newCode() {
        return "T-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private static Map<String, Object> item(String code, String name, String points, String severity) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", name);
        item.put("nameEn", "Item " + code);
        item.put("description", "测试项目");
        item.put("points", points);
        item.put("severity", severity);
        return item;
    }

    @SafeVarargs
    private static Map<String, Object> rubric(String type, String title, Map<String, Object>... items) {
        Map<String, Object> rubric = new HashMap<>();
        rubric.put("orderType", type);
        rubric.put("title", title);
        rubric.put("items", List.of(items));
        return rubric;
    }

    private static Map<String, Object> clockClause(String clock, String type, List<String> starts,
                                                   List<String> stops, int amount, String unit) {
        Map<String, Object> clause = new HashMap<>();
        clause.put("clockName", clock);
        clause.put("orderType", type);
        clause.put("startEvents", starts);
        clause.put("stopEvents", stops);
        clause.put("amount", amount);
        clause.put("unit", unit);
        clause.put("note", "测试条款");
        return clause;
    }

    private Map<String, Object> standardBody(String code, List<Map<String, Object>> clocks,
                                             List<Map<String, Object>> replies, List<Map<String, Object>> rubrics) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "测试标准 " + code);
        body.put("category", "CONDUCT");
        body.put("ownerUnitCode", city.code());
        body.put("scopeUnitCodes", List.of(city.code()));
        body.put("scopeRoles", List.of("AGENT"));
        body.put("reviewIntervalMonths", 12);
        body.put("body", "# 行为规范\n\n## 一、用语\n使用文明用语，不得推诿。");
        body.put("clauses", Map.of("clocks", clocks, "replyElements", replies, "rubrics", rubrics));
        return body;
    }

    /** Creates the standard, submits, approves and publishes v1 (now, or scheduled for {@code effectiveFrom}). */
    private JsonNode publishFirst(String code, List<Map<String, Object>> clocks, List<Map<String, Object>> replies,
                                  List<Map<String, Object>> rubricClauses, Instant effectiveFrom) throws Exception {
        call(owner, post("/api/v1/standards"), standardBody(code, clocks, replies, rubricClauses), 201);
        int version = act(owner, code, 1, "submit", Map.of("version", 0), 200).get("version").asInt();
        version = act(reviewer, code, 1, "approve", Map.of("version", version), 200).get("version").asInt();
        Map<String, Object> publish = new HashMap<>();
        publish.put("version", version);
        if (effectiveFrom != null) {
            publish.put("effectiveFrom", effectiveFrom.toString());
        }
        return act(manager, code, 1, "publish", publish, 200);
    }

    private String customer() throws Exception {
        String number = "34" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", "西湖区 2 号", "phone", "13812345678", "unitCode", station.code());
        assertThat(mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse().getStatus()).isEqualTo(201);
        return number;
    }

    private JsonNode order(String type, String customer) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("category", switch (type) {
            case "COMPLAINT" -> "COMPLAINT.SERVICE";
            case "OPINION" -> "OPINION";
            default -> "CONSULTATION.TARIFF";
        });
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        body.put("customerNumber", customer);
        body.put("callerName", "李四");
        body.put("callerPhone", "13900001111");
        body.put("description", "测试诉求");
        return call(agent, post("/api/v1/work-orders"), body, 201);
    }

    private static Instant contactDue(JsonNode order) {
        for (JsonNode c : order.get("clocks")) {
            if (c.get("name").asString().equals("CONTACT")) {
                return Instant.parse(c.get("dueAt").asString());
            }
        }
        throw new AssertionError("no CONTACT clock: " + order.get("clocks"));
    }

    private static Instant acceptedAt(JsonNode order) {
        return Instant.parse(order.get("createdAt").asString());
    }

    private JsonNode act(String username, String code, int number, String action, Map<String, Object> body,
                         int expected) throws Exception {
        return call(username, post("/api/v1/standards/" + code + "/versions/" + number + "/" + action), body,
                expected);
    }

    private JsonNode call(String username, MockHttpServletRequestBuilder request, Map<String, Object> body,
                          int expected) throws Exception {
        return call(as(username), request, body, expected);
    }

    private JsonNode call(RequestPostProcessor who, MockHttpServletRequestBuilder request, Map<String, Object> body,
                          int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(expected);
        return content.isBlank() ? json.readTree("{}") : json.readTree(content);
    }

    private JsonNode read(String username, String path) throws Exception {
        return read(as(username), path);
    }

    private JsonNode read(RequestPostProcessor who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(200);
        return json.readTree(content);
    }

    private String page(String username, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(accounts.loadUserByUsername(username))))
                .andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(path + ": " + content).isEqualTo(200);
        return content;
    }
}
