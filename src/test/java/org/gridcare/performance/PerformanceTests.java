package org.gridcare.performance;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Monthly scorecards on hand-made data: the figures come through the other modules' APIs (orders taken, a complaint
 * substantiated, rewards and penalties approved), every expected number is worked out by hand from the seeded
 * DEFAULT scheme (VOLUME 15 % target 100, ON_TIME 20, SATISFACTION 20, QUALITY_SCORE 10, ERROR_RATE 10,
 * COMPLAINTS 10 % target 0 step 50, TRAINING 5, INCENTIVE_POINTS 10 % target 0 step 10; bands 90/80/60).
 */
@GridCareTest
class PerformanceTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired Scorecards scorecards;
    @Autowired UserDetailsService accounts;

    private PerformanceWorld world;

    @BeforeEach
    void world() {
        world = new PerformanceWorld(fixtures, mvc, json, clock);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aCardAddsUpEveryComponentFromTheOtherModulesFiguresWithTheirDrillDown() throws Exception {
        world.at("2026-03-16T10:00");
        String customer = world.customer();
        world.order(world.agent, "CONSULTATION", "CONSULTATION.TARIFF", customer);
        world.order(world.agent, "CONSULTATION", "CONSULTATION.TARIFF", customer);
        String complaint = world.order(world.agent, "COMPLAINT", "COMPLAINT.SERVICE", customer);
        world.substantiate(complaint, world.agent);
        world.incentive(world.agent, "OTHER", "违反服务规范", -5, "-100.00", "2026-03-10T02:00:00Z");
        world.incentive(world.agent, "PRAISE_ORDER", "表扬 " + complaint, null, null, "2026-03-12T02:00:00Z");
        // a penalty of another month does not count in March
        world.incentive(world.agent, "OTHER", "二月违规", -4, "0.00", "2026-02-20T02:00:00Z");

        JsonNode computed = world.call(post("/api/v1/performance/months/2026-03/compute").with(as(world.manager)),
                null, 200);
        assertThat(computed.get("cards").asInt()).isPositive();
        JsonNode card = world.call(get("/api/v1/performance/scorecards/mine").param("month", "2026-03")
                .with(as(world.agent)), null, 200);
        assertThat(card.get("position").asString()).isEqualTo("DEFAULT");
        assertThat(card.get("unitCode").asString()).isEqualTo(world.station.code());
        Map<String, JsonNode> c = components(card);
        // volume: 3 orders taken (no handler yet) against 100 → 3.00 points
        assertThat(c.get("VOLUME").get("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(c.get("VOLUME").get("points").decimalValue()).isEqualByComparingTo("3.00");
        // one substantiated complaint, step 50 → 50.00
        assertThat(c.get("COMPLAINTS").get("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(c.get("COMPLAINTS").get("points").decimalValue()).isEqualByComparingTo("50.00");
        // rewards and penalties of March: −5 + 2 (praise) = −3 → 100 − 10 × 3 = 70.00
        assertThat(c.get("INCENTIVE_POINTS").get("value").decimalValue()).isEqualByComparingTo("-3");
        assertThat(c.get("INCENTIVE_POINTS").get("points").decimalValue()).isEqualByComparingTo("70.00");
        // nothing closed, visited or inspected, no training records: NO_DATA, left out of the base
        for (String none : List.of("ON_TIME", "SATISFACTION", "QUALITY_SCORE", "ERROR_RATE", "TRAINING")) {
            assertThat(c.get(none).get("state").asString()).as(none).isEqualTo("NO_DATA");
            assertThat(c.get(none).get("points").isNull()).as(none).isTrue();
        }
        // base = (15 × 3 + 10 × 50 + 10 × 70) ÷ (15 + 10 + 10) = 1245 ÷ 35 = 35.571… → 35.57, grade D
        assertThat(card.get("baseScore").decimalValue()).isEqualByComparingTo("35.57");
        assertThat(card.get("total").decimalValue()).isEqualByComparingTo("35.57");
        assertThat(card.get("grade").asString()).isEqualTo("D");
        assertThat(card.get("praiseCount").asInt()).isEqualTo(1);
        assertThat(c.get("VOLUME").get("weighted").decimalValue()).isEqualByComparingTo("0.45");

        // drill-down: the KPI orders behind the volume, the complaints, the ledger
        JsonNode orders = world.call(get(c.get("VOLUME").get("drillDown").asString()).with(as(world.agent)), null, 200);
        assertThat(orders.get("total").asInt()).isEqualTo(3);
        JsonNode complaints = world.call(get(c.get("COMPLAINTS").get("drillDown").asString()).with(as(world.agent)),
                null, 200);
        assertThat(complaints).hasSize(1);
        assertThat(complaints.get(0).get("orderNumber").asString()).isEqualTo(complaint);
        JsonNode ledger = world.call(get(c.get("INCENTIVE_POINTS").get("drillDown").asString())
                .with(as(world.agent)), null, 200);
        assertThat(ledger.get("points").asInt()).isEqualTo(-3);
        // training: no plan names the agent's position, so no requirement (NO_DATA); the drill-down is the transcript
        JsonNode transcript = world.call(get(c.get("TRAINING").get("drillDown").asString()).with(as(world.agent)),
                null, 200);
        assertThat(transcript.toString()).contains(world.agent);

        // computing again is idempotent: same card, same figures
        scorecards.compute(YearMonth.of(2026, 3));
        JsonNode again = world.call(get("/api/v1/performance/scorecards/" + card.get("id").asLong())
                .with(as(world.agent)), null, 200);
        assertThat(again.get("total").decimalValue()).isEqualByComparingTo("35.57");

        // the console card shows the components and their links; the ranking exports to Excel
        String page = mvc.perform(get("/performance/scorecards/" + card.get("id").asLong())
                .with(user(accounts.loadUserByUsername(world.agent)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("gc-perf-components", "gc-perf-component-VOLUME", "35.57", "/kpis/orders?kpi=ORDERS_RECEIVED",
                "data-perf-trend", complaint);
        MockHttpServletResponse xlsx = mvc.perform(get("/api/v1/performance/export").param("month", "2026-03")
                .param("unit", world.station.code()).with(as(world.supervisor))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);     // header + the station's two agents
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().equals(world.agent)) {
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(35.57);
                    assertThat(row.getCell(9).getStringCellValue()).isEqualTo("D");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void aSchemeChangeAppliesFromTheNextMonthAndNeverRewritesAClosedMonth() throws Exception {
        world.at("2027-01-12T10:00");
        // bad input names its field; agents cannot change schemes
        assertProblem(world.send(post("/api/v1/performance/schemes").with(as(world.manager)),
                scheme("2027-01", "50", "50")), 400, "effectiveMonth");
        assertProblem(world.send(post("/api/v1/performance/schemes").with(as(world.manager)),
                scheme("2027-02", "50", "49")), 400, "weights");
        Map<String, Object> badBands = scheme("2027-02", "50", "50");
        badBands.put("gradeB", 95);
        assertProblem(world.send(post("/api/v1/performance/schemes").with(as(world.manager)), badBands), 400, "gradeB");
        assertThat(world.send(post("/api/v1/performance/schemes").with(as(world.agent)), scheme("2027-02", "50", "50"))
                .getStatus()).isEqualTo(403);
        // from February only complaints and rewards count, 50 % each
        JsonNode saved = world.call(post("/api/v1/performance/schemes").with(as(world.manager)),
                scheme("2027-02", "50", "50"), 201);
        assertThat(saved.get("effectiveMonth").asString()).isEqualTo("2027-02");
        assertThat(ApiRequests.auditActions(mvc, "PerformanceScheme", saved.get("id").asString()))
                .contains("PERFORMANCE_SCHEME_SAVED");

        // January keeps the old weights: (15 × 0 + 10 × 100 + 10 × 100) ÷ 35 = 57.142… → 57.14, D
        scorecards.compute(YearMonth.of(2027, 1));
        JsonNode january = card(world.agent, "2027-01");
        assertThat(january.get("total").decimalValue()).isEqualByComparingTo("57.14");
        assertThat(january.get("grade").asString()).isEqualTo("D");
        assertThat(components(january).get("VOLUME").get("weight").decimalValue()).isEqualByComparingTo("15");

        // the job on 10 February closes January and computes February with the new weights: 100.00, A
        world.at("2027-02-10T01:00");
        assertThat(scorecards.runDue()).containsExactly(YearMonth.of(2027, 1));
        assertThat(scorecards.runDue()).isEmpty();   // idempotent
        JsonNode february = card(world.agent, "2027-02");
        assertThat(february.get("total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(february.get("grade").asString()).isEqualTo("A");
        assertThat(components(february).get("VOLUME").get("weight").decimalValue()).isEqualByComparingTo("0");
        assertThat(components(february).get("COMPLAINTS").get("weight").decimalValue()).isEqualByComparingTo("50");

        // January is closed: not recomputed, its card unchanged; the scheme from February cannot change now
        assertThat(world.send(post("/api/v1/performance/months/2027-01/compute").with(as(world.manager)), null)
                .getStatus()).isEqualTo(409);
        JsonNode closed = card(world.agent, "2027-01");
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("total").decimalValue()).isEqualByComparingTo("57.14");
        assertThat(components(closed).get("VOLUME").get("weight").decimalValue()).isEqualByComparingTo("15");
        assertProblem(world.send(post("/api/v1/performance/schemes").with(as(world.manager)),
                scheme("2027-02", "50", "50")), 400, "effectiveMonth");

        // the star of February is shown on the home page in March
        world.at("2027-03-03T09:00");
        JsonNode stars = world.call(get("/api/v1/performance/recognition").param("month", "2027-02")
                .with(as(world.agent)), null, 200);
        assertThat(stars.get("staff").get("grade").asString()).isEqualTo("A");
        String home = mvc.perform(get("/").with(user(accounts.loadUserByUsername(world.agent)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(home).contains("gc-perf-widget", "gc-perf-widget-staff");
    }

    @Test
    void anAdjustmentNeedsAReasonAndASecondManagerAndIsAudited() throws Exception {
        world.at("2026-04-15T10:00");
        scorecards.compute(YearMonth.of(2026, 4));
        JsonNode card = card(world.agent, "2026-04");
        long id = card.get("id").asLong();
        // (10 × 100 + 10 × 100) ÷ 35 with volume 0 → 57.14, D
        assertThat(card.get("total").decimalValue()).isEqualByComparingTo("57.14");
        String path = "/api/v1/performance/scorecards/" + id + "/adjustments";
        assertProblem(world.send(post(path).with(as(world.manager)), Map.of("points", 0, "reason", "x")), 400, "points");
        assertProblem(world.send(post(path).with(as(world.manager)), Map.of("points", 25, "reason", "x")), 400, "points");
        assertProblem(world.send(post(path).with(as(world.manager)), Map.of("points", 5)), 400, "reason");
        assertThat(world.send(post(path).with(as(world.supervisor)), Map.of("points", 5, "reason", "x")).getStatus())
                .isEqualTo(403);
        assertThat(world.send(post(path).with(as(world.outsider)), Map.of("points", 5, "reason", "x")).getStatus())
                .isEqualTo(403);
        JsonNode adjustment = world.call(post(path).with(as(world.manager)), Map.of("points", "5.00", "reason",
                "春运保电表现突出"), 201);
        long adj = adjustment.get("id").asLong();
        assertThat(adjustment.get("status").asString()).isEqualTo("PROPOSED");
        // not counted until reviewed; the proposer cannot review it; a rejection needs a note
        assertThat(card(world.agent, "2026-04").get("total").decimalValue()).isEqualByComparingTo("57.14");
        assertThat(world.send(post("/api/v1/performance/adjustments/" + adj + "/approve").with(as(world.manager)),
                Map.of("version", 0)).getStatus()).isEqualTo(409);
        assertProblem(world.send(post("/api/v1/performance/adjustments/" + adj + "/reject")
                .with(as(world.secondManager)), Map.of("version", 0)), 400, "note");
        assertThat(world.send(post("/api/v1/performance/adjustments/" + adj + "/approve")
                .with(as(world.secondManager)), Map.of("version", 3)).getStatus()).isEqualTo(409);
        JsonNode approved = world.call(post("/api/v1/performance/adjustments/" + adj + "/approve")
                .with(as(world.secondManager)), Map.of("version", 0, "note", "同意"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("reviewedBy").asString()).isEqualTo(world.secondManager);
        // 57.14 + 5 = 62.14 → C; it stays through a recomputation
        JsonNode adjusted = card(world.agent, "2026-04");
        assertThat(adjusted.get("adjustment").decimalValue()).isEqualByComparingTo("5");
        assertThat(adjusted.get("total").decimalValue()).isEqualByComparingTo("62.14");
        assertThat(adjusted.get("grade").asString()).isEqualTo("C");
        scorecards.compute(YearMonth.of(2026, 4));
        assertThat(card(world.agent, "2026-04").get("total").decimalValue()).isEqualByComparingTo("62.14");
        assertThat(ApiRequests.auditActions(mvc, "PerformanceAdjustment", String.valueOf(adj)))
                .contains("PERFORMANCE_ADJUSTMENT_PROPOSED", "PERFORMANCE_ADJUSTMENT_APPROVED");
        assertThat(world.send(post("/api/v1/performance/adjustments/" + adj + "/reject")
                .with(as(world.secondManager)), Map.of("version", 1, "note", "x")).getStatus()).isEqualTo(409);
    }

    @Test
    void staffSeeOnlyTheirOwnCardAndSupervisorsTheirUnits() throws Exception {
        world.at("2026-05-15T10:00");
        scorecards.compute(YearMonth.of(2026, 5));
        JsonNode mine = card(world.agent, "2026-05");
        JsonNode other = world.call(get("/api/v1/performance/scorecards/mine").param("month", "2026-05")
                .param("staff", world.otherAgent).with(as(world.supervisor)), null, 200);
        long otherId = other.get("id").asLong();

        assertThat(world.send(get("/api/v1/performance/scorecards/" + otherId).with(as(world.agent)), null)
                .getStatus()).isEqualTo(404);
        assertThat(world.send(get("/api/v1/performance/scorecards/mine").param("month", "2026-05")
                .param("staff", world.otherAgent).with(as(world.agent)), null).getStatus()).isEqualTo(404);
        assertThat(world.send(get("/api/v1/performance/trend").param("staff", world.otherAgent)
                .param("month", "2026-05").with(as(world.agent)), null).getStatus()).isEqualTo(404);
        assertThat(world.send(get("/api/v1/performance/scorecards/" + otherId + "/complaints").with(as(world.agent)),
                null).getStatus()).isEqualTo(404);
        JsonNode ranking = world.call(get("/api/v1/performance/scorecards").param("month", "2026-05")
                .with(as(world.agent)), null, 200);
        assertThat(ranking).hasSize(1);
        assertThat(ranking.get(0).get("staff").asString()).isEqualTo(world.agent);
        assertThat(mvc.perform(get("/performance/scorecards/" + otherId)
                .with(user(accounts.loadUserByUsername(world.agent)))).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        // the city's supervisor ranks the station; another city's supervisor sees none of it
        JsonNode station = world.call(get("/api/v1/performance/scorecards").param("month", "2026-05")
                .param("unit", world.station.code()).with(as(world.supervisor)), null, 200);
        assertThat(station).hasSize(2);
        assertThat(station.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(world.send(get("/api/v1/performance/scorecards/" + mine.get("id").asLong())
                .with(as(world.outsider)), null).getStatus()).isEqualTo(404);
        assertProblem(world.send(get("/api/v1/performance/scorecards").param("month", "2026-05")
                .param("unit", world.station.code()).with(as(world.outsider)), null), 400, "unit");
        assertProblem(world.send(get("/api/v1/performance/scorecards").param("month", "2026-13")
                .with(as(world.agent)), null), 400, "month");

        // the console ranking renders for the supervisor with both agents
        String page = mvc.perform(get("/performance").param("month", "2026-05").param("unit", world.station.code())
                .with(user(accounts.loadUserByUsername(world.supervisor)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("gc-perf-table", "gc-perf-card-" + world.agent, "gc-perf-card-" + world.otherAgent);
    }

    @Test
    void positionsAndTeamsComeFromTheStaffDirectoryAndATeamLeaderSeesTheTeamsCards() throws Exception {
        world.at("2026-06-15T10:00");
        String leader = Fixtures.unique("plead");
        fixtures.user(leader, world.station.code(), org.gridcare.identity.Role.AGENT);
        String team = Fixtures.unique("PT").replace('-', '_');
        world.call(post("/api/v1/staff").with(ApiRequests.asAdmin()), Map.of("username", leader, "position",
                "TEAM_LEADER"), 201);
        world.call(post("/api/v1/teams").with(ApiRequests.asAdmin()), Map.of("code", team, "name", "抢修一班",
                "unitCode", world.station.code(), "leaderUsername", leader), 201);
        world.call(post("/api/v1/staff").with(ApiRequests.asAdmin()), Map.of("username", world.agent, "position",
                "AGENT", "teamCode", team), 201);
        world.call(post("/api/v1/staff").with(ApiRequests.asAdmin()), Map.of("username", world.otherAgent,
                "position", "REPAIR_ELECTRICIAN", "teamCode", team), 201);
        scorecards.compute(YearMonth.of(2026, 6));

        // the AGENT scheme: volume target 300; the repair electrician's: 40, with 25 % on time
        JsonNode agentCard = card(world.agent, "2026-06");
        assertThat(agentCard.get("position").asString()).isEqualTo("AGENT");
        assertThat(agentCard.get("teamCode").asString()).isEqualTo(team);
        assertThat(components(agentCard).get("VOLUME").get("target").decimalValue()).isEqualByComparingTo("300");
        JsonNode electrician = card(world.otherAgent, "2026-06");
        assertThat(electrician.get("position").asString()).isEqualTo("REPAIR_ELECTRICIAN");
        assertThat(components(electrician).get("VOLUME").get("target").decimalValue()).isEqualByComparingTo("40");
        assertThat(components(electrician).get("ON_TIME").get("weight").decimalValue()).isEqualByComparingTo("25");
        // volume 0, complaints 0 → 100, points 0 → 100: AGENT (10 × 100 + 10 × 100) ÷ 35 = 57.14;
        // REPAIR_ELECTRICIAN (15 × 0 + 10 × 100 + 10 × 100) ÷ 35 = 57.14 as well (the same three weights with data)
        assertThat(agentCard.get("total").decimalValue()).isEqualByComparingTo("57.14");

        // the leader (an agent by role) sees the team's cards, not others; the members not each other's
        world.call(get("/api/v1/performance/scorecards/" + agentCard.get("id").asLong()).with(as(leader)), null, 200);
        JsonNode teamRanking = world.call(get("/api/v1/performance/scorecards").param("month", "2026-06")
                .param("team", team).with(as(leader)), null, 200);
        assertThat(teamRanking).hasSize(2);
        assertThat(world.send(get("/api/v1/performance/scorecards/" + agentCard.get("id").asLong())
                .with(as(world.otherAgent)), null).getStatus()).isEqualTo(404);
        JsonNode teams = world.call(get("/api/v1/performance/teams").param("month", "2026-06")
                .param("unit", world.station.code()).with(as(world.supervisor)), null, 200);
        JsonNode ours = null;
        for (JsonNode t : teams) {
            if (t.get("teamCode").asString().equals(team)) {
                ours = t;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("members").asInt()).isEqualTo(2);
        assertThat(ours.get("total").decimalValue()).isEqualByComparingTo("57.14");
        assertThat(ours.get("grade").asString()).isEqualTo("D");
        assertProblem(world.send(get("/api/v1/performance/scorecards").param("month", "2026-06")
                .param("position", "ASTRONAUT").with(as(world.supervisor)), null), 400, "position");
    }

    // ---- helpers

    @Test
    void trainingCompletionComesFromTheTranscriptAgainstTheRequirementProRata() throws Exception {
        world.at("2026-07-20T10:00");
        // the station's 2026 plan requires 24 hours of agents: by the end of July 24 × 7 ÷ 12 = 14.00 are due
        world.call(post("/api/v1/training/plans").with(ApiRequests.asAdmin()), Map.of("unitCode", world.station.code(),
                "year", 2026, "title", "2026 年坐席培训计划", "requirements",
                List.of(Map.of("position", "AGENT", "requiredHours", 24))), 201);
        scorecards.compute(YearMonth.of(2026, 7));
        JsonNode card = card(world.agent, "2026-07");
        JsonNode training = components(card).get("TRAINING");
        assertThat(training.get("state").asString()).isEqualTo("DATA");
        assertThat(training.get("numerator").decimalValue()).isEqualByComparingTo("0");
        assertThat(training.get("denominator").decimalValue()).isEqualByComparingTo("14.00");
        assertThat(training.get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(training.get("points").decimalValue()).isEqualByComparingTo("0.00");
        // (15 × 0 + 10 × 100 + 5 × 0 + 10 × 100) ÷ (15 + 10 + 5 + 10) = 2000 ÷ 40 = 50.00, D
        assertThat(card.get("total").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(training.get("drillDown").asString()).startsWith("/api/v1/training/transcripts/");
        JsonNode transcript = world.call(get(training.get("drillDown").asString()).with(as(world.agent)), null, 200);
        assertThat(transcript.get("requiredHours").decimalValue()).isEqualByComparingTo("24");
    }

    private JsonNode card(String staff, String month) throws Exception {
        return world.call(get("/api/v1/performance/scorecards/mine").param("month", month).with(as(staff)), null, 200);
    }

    private static Map<String, JsonNode> components(JsonNode card) {
        Map<String, JsonNode> byName = new HashMap<>();
        card.get("components").forEach(c -> byName.put(c.get("component").asString(), c));
        return byName;
    }

    /** A DEFAULT scheme counting only complaints and rewards-and-penalties points. */
    private static Map<String, Object> scheme(String month, String complaints, String incentives) {
        Map<String, Object> body = new HashMap<>();
        body.put("position", "DEFAULT");
        body.put("effectiveMonth", month);
        body.put("gradeA", 90);
        body.put("gradeB", 80);
        body.put("gradeC", 60);
        body.put("note", "只考核投诉与奖惩");
        List<Map<String, Object>> weights = new java.util.ArrayList<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            String weight = c == ScoreComponent.COMPLAINTS ? complaints
                    : c == ScoreComponent.INCENTIVE_POINTS ? incentives : "0";
            weights.add(Map.of("component", c.name(), "weight", weight,
                    "target", c == ScoreComponent.COMPLAINTS || c == ScoreComponent.INCENTIVE_POINTS ? "0" : "100",
                    "step", c == ScoreComponent.COMPLAINTS ? "50" : c == ScoreComponent.INCENTIVE_POINTS ? "10" : "0"));
        }
        body.put("weights", weights);
        return body;
    }

    private void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        JsonNode problem = json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
