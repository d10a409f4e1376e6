package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A hand-made month: a city company with two stations, orders worked through the real API in November 2024, a
 * plan that samples them, inspections scored in December, an appeal that overturns a finding — and the error
 * rate and mean score of the KPI engine, with numerators and denominators counted by hand below.
 */
@GridCareTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionTests {

    private static boolean built;
    private static OrgUnit city, stationA, stationB;
    private static String agentA, agentB, inspectingAgent, dispatcher, crew, supervisor, manager, inspector,
            stationInspector;
    private static final List<String> consultationsA = new ArrayList<>();
    private static String complaint;
    private static MutableClock sharedClock;
    private static long planId;
    /** inspections by staff (agentA has two: first and second by id). */
    private static final Map<String, List<Long>> byStaff = new HashMap<>();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @BeforeEach
    void build() throws Exception {
        sharedClock = clock;
        if (built) {
            return;
        }
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("QC"), OrgUnitKind.CITY_COMPANY, "HQ");
        stationA = fixtures.unit(Fixtures.unique("QA"), OrgUnitKind.SUPPLY_STATION, city.code());
        stationB = fixtures.unit(Fixtures.unique("QB"), OrgUnitKind.SUPPLY_STATION, city.code());
        agentA = user("qagA", stationA, Role.AGENT);
        agentB = user("qagB", stationB, Role.AGENT);
        inspectingAgent = user("qinsA", stationA, Role.AGENT, Role.INSPECTOR);
        dispatcher = user("qdisp", city, Role.DISPATCHER);
        crew = user("qcrew", city, Role.FIELD_STAFF);
        supervisor = user("qsup", city, Role.SUPERVISOR);
        manager = user("qmgr", city, Role.MANAGER);
        inspector = user("qins", city, Role.INSPECTOR);
        stationInspector = inspectingAgent;
        String customerA = customer(stationA);
        String customerB = customer(stationB);

        // November 2024 (Shanghai): agent A closes 10 consultations at first contact, agent B 6, the inspecting
        // agent 2 (all station A / B by their customer); one complaint of station B is worked by the crew
        for (int i = 0; i < 10; i++) {
            at("2024-11-0" + (1 + i % 9) + "T10:0" + i % 10);
            consultationsA.add(consultation(customerA, agentA));
        }
        for (int i = 0; i < 6; i++) {
            at("2024-11-1" + i + "T11:00");
            consultation(customerB, agentB);
        }
        for (int i = 0; i < 2; i++) {
            at("2024-11-2" + i + "T09:00");
            consultation(customerA, inspectingAgent);
        }
        at("2024-11-25T09:00");
        complaint = order("COMPLAINT", "COMPLAINT.SERVICE", customerB, agentB);
        at("2024-11-25T09:05");
        act(complaint, "dispatch", dispatcher, "handler", crew);
        at("2024-11-25T10:00");
        act(complaint, "accept", crew);
        act(complaint, "reply", crew, "replyText", "经核实情况属实，已向客户致歉并说明处理结果");
        act(complaint, "review", supervisor, "approved", true);
        act(complaint, "visit", supervisor, "result", "BASICALLY_SATISFIED", "comment", "回访");
        act(complaint, "close", supervisor);
        built = true;
    }

    @AfterAll
    static void resetClock() {
        if (sharedClock != null) {
            sharedClock.reset();
        }
    }

    @Test
    @Order(1)
    void aPlanDrawsTheShareOfEachStaffMembersOrdersReproduciblyWithEveryComplaintAndKeepsInspectorsOffTheirOwnWork()
            throws Exception {
        at("2024-12-02T09:00");
        Map<String, Object> plan = Map.of("month", "2024-11", "unitCode", city.code(), "samplePercent", 20,
                "minPerStaff", 1, "seed", 42, "assignment", "ROUND_ROBIN", "excludeOwnUnit", true);
        JsonNode preview = call(post("/api/v1/quality/plans/preview").with(as(supervisor)), plan, 200);
        JsonNode again = call(post("/api/v1/quality/plans/preview").with(as(supervisor)), plan, 200);
        assertThat(again.get("picks")).isEqualTo(preview.get("picks"));
        // 19 closed orders; 20 %: agent A 2 of 10, agent B round(1.2) = 1 of 6, the inspecting agent
        // round(0.4) = 0 → the minimum 1 of 2; the complaint targeted
        assertThat(preview.get("population").asInt()).isEqualTo(19);
        assertThat(preview.get("sampled").asInt()).isEqualTo(4);
        assertThat(preview.get("targeted").asInt()).isEqualTo(1);
        assertThat(call(post("/api/v1/quality/plans").with(as(agentA)), plan, 403).get("status").asInt())
                .isEqualTo(403);
        assertProblem(call(post("/api/v1/quality/plans").with(as(supervisor)), Map.of("month", "2024-13"), 400),
                "month");
        assertProblem(call(post("/api/v1/quality/plans").with(as(supervisor)), Map.of("month", "2024-11",
                "samplePercent", 120), 400), "samplePercent");

        JsonNode created = call(post("/api/v1/quality/plans").with(as(supervisor)), plan, 201);
        planId = created.get("id").asLong();
        assertThat(created.get("sampled").asInt()).isEqualTo(4);
        assertThat(created.get("unassigned").asInt()).isZero();
        call(post("/api/v1/quality/plans").with(as(supervisor)), plan, 409);

        JsonNode list = call(get("/api/v1/quality/inspections").param("plan", String.valueOf(planId))
                .param("sort", "createdAt,asc").param("size", "50").with(as(supervisor)), null, 200);
        List<String> picked = new ArrayList<>();
        for (JsonNode i : list.get("items")) {
            picked.add(i.get("orderNumber").asString());
            byStaff.computeIfAbsent(i.get("staff").asString(), s -> new ArrayList<>()).add(i.get("id").asLong());
            // the inspecting agent sits in station A: every order of the city goes to the city's inspector
            assertThat(i.get("inspector").asString()).isEqualTo(inspector);
            assertThat(i.get("status").asString()).isEqualTo("PENDING");
        }
        List<String> previewed = new ArrayList<>();
        preview.get("picks").forEach(p -> previewed.add(p.get("orderNumber").asString()));
        assertThat(picked).containsExactlyInAnyOrderElementsOf(previewed).contains(complaint);
        assertThat(byStaff.get(agentA)).hasSize(2);
        assertThat(byStaff.get(agentB)).hasSize(1);
        assertThat(byStaff.get(inspectingAgent)).hasSize(1);
        assertThat(byStaff.get(crew)).hasSize(1);
        assertThat(ApiRequests.auditActions(mvc, "InspectionPlan", String.valueOf(planId)))
                .contains("INSPECTION_PLAN_CREATED");
    }

    @Test
    @Order(2)
    void staffSeeOnlyTheirOwnInspectionsAndNobodyInspectsTheirOwnOrder() throws Exception {
        long ofAgentA = byStaff.get(agentA).get(0);
        long ofInspectingAgent = byStaff.get(inspectingAgent).get(0);
        call(get("/api/v1/quality/inspections/" + ofAgentA).with(as(agentB)), null, 404);
        call(get("/api/v1/quality/inspections/" + ofAgentA).with(as(agentA)), null, 200);
        JsonNode seenByB = call(get("/api/v1/quality/inspections").param("size", "200").with(as(agentB)), null, 200);
        assertThat(seenByB.get("items")).allMatch(i -> i.get("staff").asString().equals(agentB));
        assertThat(seenByB.get("total").asInt()).isEqualTo(1);
        // the inspecting agent may not score his own order, nor be assigned to it
        JsonNode own = call(get("/api/v1/quality/inspections/" + ofInspectingAgent).with(as(inspectingAgent)), null,
                200);
        assertThat(own.get("actions")).isEmpty();
        call(post("/api/v1/quality/inspections/" + ofInspectingAgent + "/score").with(as(inspectingAgent)),
                Map.of("version", 0, "findings", passAll(own, Map.of())), 409);
        assertProblem(call(post("/api/v1/quality/inspections/" + ofInspectingAgent + "/assign").with(as(supervisor)),
                Map.of("version", 0, "inspector", inspectingAgent), 400), "inspector");
        call(post("/api/v1/quality/inspections/" + ofAgentA + "/score").with(as(agentA)),
                Map.of("version", 0, "findings", List.of()), 403);
    }

    @Test
    @Order(3)
    void theErrorRateAndTheMeanScoreAreExactAndAnOverturnedFindingLowersTheRate() throws Exception {
        at("2024-12-03T10:00");
        // I1 agent A: all pass → 100, no error
        score(byStaff.get(agentA).get(0), Map.of());
        // I2 agent A: REPLY (20, error) failed → 80, error
        score(byStaff.get(agentA).get(1), Map.of("REPLY", "FAIL"));
        // I3 agent B: NO_FORBIDDEN (15, serious) and GREETING (10) failed → 75, serious error
        score(byStaff.get(agentB).get(0), Map.of("NO_FORBIDDEN", "FAIL", "GREETING", "FAIL"));
        // I4 inspecting agent: KNOWLEDGE (15) not applicable, CLASSIFICATION (10) failed → 75 of 85 = 88.24, error
        JsonNode i4 = score(byStaff.get(inspectingAgent).get(0), Map.of("KNOWLEDGE", "NOT_APPLICABLE",
                "CLASSIFICATION", "FAIL"));
        assertThat(i4.get("score").decimalValue()).isEqualByComparingTo("88.24");
        assertThat(i4.get("maxPoints").decimalValue()).isEqualByComparingTo("85");
        // I5 the crew's complaint: all pass → 100
        score(byStaff.get(crew).get(0), Map.of());

        // errors 3 (I2, I3, I4) of 5 inspected = 60.00 %; mean (100 + 80 + 75 + 88.24 + 100) / 5 = 88.648 → 88.65
        JsonNode kpis = report(manager, null);
        expect(kpis, "ERROR_RATE", "3", "5", "60.00");
        expect(kpis, "QUALITY_SCORE_MEAN", "443.24", "5", "88.65");
        assertThat(kpi(kpis, "ERROR_RATE").get("state").asString()).isEqualTo("RED");
        // agent A alone: 1 of 2
        expect(report(manager, agentA), "ERROR_RATE", "1", "2", "50.00");

        // agent A appeals I2 once; the supervisor overturns REPLY
        at("2024-12-04T09:00");
        long i2 = byStaff.get(agentA).get(1);
        JsonNode seen = call(get("/api/v1/quality/inspections/" + i2).with(as(agentA)), null, 200);
        assertThat(seen.get("actions").toString()).contains("appeal");
        assertProblem(call(post("/api/v1/quality/inspections/" + i2 + "/appeal").with(as(agentA)),
                Map.of("version", seen.get("version").asInt(), "reason", "已答复", "items", List.of("GREETING")), 400),
                "items[0]");
        call(post("/api/v1/quality/inspections/" + i2 + "/appeal").with(as(agentB)),
                Map.of("version", seen.get("version").asInt(), "reason", "x", "items", List.of("REPLY")), 404);
        JsonNode appealed = call(post("/api/v1/quality/inspections/" + i2 + "/appeal").with(as(agentA)),
                Map.of("version", seen.get("version").asInt(), "reason", "答复已按知识库口径给出，录音可证",
                        "items", List.of("REPLY")), 200);
        assertThat(appealed.get("status").asString()).isEqualTo("APPEALED");
        call(post("/api/v1/quality/inspections/" + i2 + "/decide").with(as(inspector)),
                Map.of("version", appealed.get("version").asInt(), "outcomes", Map.of("REPLY", "OVERTURNED")), 403);
        JsonNode decided = call(post("/api/v1/quality/inspections/" + i2 + "/decide").with(as(supervisor)),
                Map.of("version", appealed.get("version").asInt(), "outcomes", Map.of("REPLY", "OVERTURNED"),
                        "note", "录音核实，答复正确"), 200);
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("error").asBoolean()).isFalse();
        assertThat(decided.get("score").decimalValue()).isEqualByComparingTo("100");
        call(post("/api/v1/quality/inspections/" + i2 + "/appeal").with(as(agentA)),
                Map.of("version", decided.get("version").asInt(), "reason", "again", "items", List.of("REPLY")), 409);

        // errors 2 of 5 = 40.00 %; mean (100 + 100 + 75 + 88.24 + 100) / 5 = 92.648 → 92.65; agent A 0 of 2
        kpis = report(manager, null);
        expect(kpis, "ERROR_RATE", "2", "5", "40.00");
        expect(kpis, "QUALITY_SCORE_MEAN", "463.24", "5", "92.65");
        expect(report(manager, agentA), "ERROR_RATE", "0", "2", "0.00");
        assertThat(ApiRequests.auditActions(mvc, "Inspection", String.valueOf(i2))).contains("INSPECTION_SCORED",
                "INSPECTION_APPEALED", "INSPECTION_APPEAL_DECIDED");
    }

    @Test
    @Order(4)
    void spotChecksAreScoredWithTheSameRubricsAndCountedApartFromTheOrderErrorRate() throws Exception {
        at("2024-12-05T15:00");
        JsonNode spot = call(post("/api/v1/quality/spot-checks").with(as(inspector)), Map.of("kind", "MYSTERY_VISIT",
                "rubricType", "SERVICE_APPLICATION", "unitCode", stationA.code(), "staffUsername", agentA,
                "subjectRef", "城东营业厅 暗访 2024-12-05", "occurredAt", "2024-12-05T06:00:00Z"), 201);
        assertProblem(call(post("/api/v1/quality/spot-checks").with(as(inspector)), Map.of("kind", "ORDER",
                "rubricType", "CONSULTATION", "unitCode", stationA.code(), "subjectRef", "x"), 400), "kind");
        score(spot.get("id").asLong(), Map.of("NO_FORBIDDEN", "FAIL"));
        JsonNode summary = call(get("/api/v1/quality/spot-checks/summary").param("from", "2024-12-01")
                .param("to", "2024-12-31").with(as(manager)), null, 200);
        assertThat(summary.toString()).contains("MYSTERY_VISIT");
        expect(report(manager, null), "ERROR_RATE", "2", "5", "40.00");
    }

    // ---- helpers

    private JsonNode score(long id, Map<String, String> overrides) throws Exception {
        JsonNode inspection = call(get("/api/v1/quality/inspections/" + id).with(as(inspector)), null, 200);
        return call(post("/api/v1/quality/inspections/" + id + "/score").with(as(inspector)),
                Map.of("version", inspection.get("version").asInt(), "findings", passAll(inspection, overrides),
                        "comment", "质检"), 200);
    }

    private static List<Map<String, String>> passAll(JsonNode inspection, Map<String, String> overrides) {
        List<Map<String, String>> findings = new ArrayList<>();
        for (JsonNode f : inspection.get("findings")) {
            String code = f.get("code").asString();
            String result = overrides.getOrDefault(code, "PASS");
            findings.add(result.equals("FAIL") ? Map.of("code", code, "result", result, "comment", "不符合要求")
                    : Map.of("code", code, "result", result));
        }
        return findings;
    }

    private JsonNode report(String user, String staff) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/kpis").param("from", "2024-12-01")
                .param("to", "2024-12-31").param("unit", city.code()).with(as(user));
        if (staff != null) {
            request.param("staff", staff);
        }
        return call(request, null, 200).get("kpis");
    }

    private static JsonNode kpi(JsonNode kpis, String name) {
        for (JsonNode k : kpis) {
            if (k.get("name").asString().equals(name)) {
                return k;
            }
        }
        throw new AssertionError(name + " missing");
    }

    private static void expect(JsonNode kpis, String name, String numerator, String denominator, String value) {
        JsonNode k = kpi(kpis, name);
        assertThat(new BigDecimal(k.get("numerator").asString())).as(name + " numerator")
                .isEqualByComparingTo(numerator);
        assertThat(new BigDecimal(k.get("denominator").asString())).as(name + " denominator")
                .isEqualByComparingTo(denominator);
        assertThat(new BigDecimal(k.get("value").asString())).as(name + " value").isEqualByComparingTo(value);
    }

    private String user(String prefix, OrgUnit unit, Role... roles) {
        String name = Fixtures.unique(prefix);
        fixtures.user(name, unit.code(), roles);
        return name;
    }

    private void at(String shanghaiTime) {
        clock.set(LocalDateTime.parse(shanghaiTime).atZone(BusinessTime.ZONE).toInstant());
    }

    private String customer(OrgUnit station) throws Exception {
        String number = "35" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        call(post("/api/v1/customers").with(asAdmin()), Map.of("number", number, "name", "客户" + number.substring(8),
                "kind", "RESIDENTIAL", "voltageLevel", "AC220V", "address", "质检路 " + number.substring(8) + " 号",
                "phone", "13812345678", "unitCode", station.code()), 201);
        return number;
    }

    private String consultation(String customer, String agent) throws Exception {
        String number = order("CONSULTATION", "CONSULTATION.TARIFF", customer, agent);
        act(number, "close", agent, "replyText", "已解答电价问题");
        return number;
    }

    private String order(String type, String category, String customer, String by) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "category", category, "channel",
                "HOTLINE_95598", "priority", "NORMAL", "customerNumber", customer, "callerName", "王五",
                "callerPhone", "13900002222", "description", "质检测试诉求"));
        return call(post("/api/v1/work-orders").with(as(by)), body, 201).get("number").asString();
    }

    private void act(String number, String action, String user, Object... fields) throws Exception {
        int version = call(get("/api/v1/work-orders/" + number).with(as(user)), null, 200).get("version").asInt();
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        call(post("/api/v1/work-orders/" + number + "/" + action).with(as(user)), body, 200);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(request + " → " + content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }

    private void assertProblem(JsonNode problem, String field) {
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(field);
    }
}
