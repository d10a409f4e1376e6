package org.gridcare.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.workorder.VisitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.workorder.WorkOrderType.COMPLAINT;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;
import static org.gridcare.workorder.WorkOrderType.FAULT_REPAIR;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every KPI formula on a small hand-made company, worked through the real API with the clock moved in
 * Asia/Shanghai time across the March/April 2025 month boundary. The expected numerators and denominators
 * are counted by hand in the comments of {@link #build}.
 */
@GridCareTest
class KpiFormulaTests {

    private static KpiWorld world;
    private static String o1, o2, o3, o4, o5;
    private static MutableClock sharedClock;

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void build() throws Exception {
        sharedClock = clock;
        if (world != null) {
            world.at("2025-04-02T10:00");
            return;
        }
        world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customerA = world.customer(world.stationA);
        String customerB = world.customer(world.stationB);

        // O1, station A: a consultation answered and closed at first contact, 5 minutes — March
        world.at("2025-03-31T10:00");
        o1 = world.order(CONSULTATION, "CONSULTATION.TARIFF", customerA);
        world.later(Duration.ofMinutes(5));
        world.act(o1, "close", world.agent, "replyText", "已解答电价问题");

        // O2, station A: a repair accepted on 31 March 23:00, taken after 3 min, on site after 30 min, power
        // back 60 min after arrival, visited (satisfied) and closed on 1 April 01:10 — every clock met
        world.at("2025-03-31T23:00");
        o2 = world.order(FAULT_REPAIR, "FAULT_REPAIR.NO_POWER", customerA);
        world.later(Duration.ofMinutes(2));
        world.act(o2, "dispatch", world.dispatcher, "handler", world.crew);
        world.later(Duration.ofMinutes(1));
        world.act(o2, "accept", world.crew);
        world.at("2025-03-31T23:30");
        world.act(o2, "arrive", world.crew);
        world.at("2025-04-01T00:30");
        world.act(o2, "restore", world.crew);
        world.at("2025-04-01T00:40");
        world.act(o2, "reply", world.crew, "replyText", "查明为熔断器熔断，已更换熔断器，恢复供电");
        world.at("2025-04-01T00:50");
        world.act(o2, "review", world.supervisor, "approved", true);
        world.at("2025-04-01T01:00");
        world.visit(o2, VisitResult.SATISFIED);
        world.at("2025-04-01T01:10");
        world.act(o2, "close", world.supervisor);

        // O3, station B: a complaint accepted 1 April 02:00 and first taken 30 h later (response and contact
        // clocks breached), basically satisfied, closed 2 April 08:40
        world.at("2025-04-01T02:00");
        o3 = world.order(COMPLAINT, "COMPLAINT.SERVICE", customerB);
        world.later(Duration.ofMinutes(5));
        world.act(o3, "dispatch", world.dispatcher, "handler", world.crew);
        world.at("2025-04-02T08:00");
        world.act(o3, "accept", world.crew);
        world.later(Duration.ofMinutes(10));
        world.act(o3, "reply", world.crew, "replyText", "经核实情况属实，已向客户致歉并说明处理结果");
        world.later(Duration.ofMinutes(10));
        world.act(o3, "review", world.supervisor, "approved", true);
        world.later(Duration.ofMinutes(10));
        world.visit(o3, VisitResult.BASICALLY_SATISFIED);
        world.later(Duration.ofMinutes(10));
        world.act(o3, "close", world.supervisor);

        // O4, station B: the same customer complains again about the same matter (a repeat of O3), by
        // another agent, 2 April 09:00, not yet responded to
        world.at("2025-04-02T09:00");
        o4 = world.order(COMPLAINT, "COMPLAINT.SERVICE", customerB, world.otherAgent);

        // O5, station A: a consultation accepted and cancelled before any response
        world.at("2025-04-02T09:10");
        o5 = world.order(CONSULTATION, "CONSULTATION.OTHER", customerA);
        world.later(Duration.ofMinutes(5));
        world.act(o5, "cancel", world.agent, "reason", "客户挂断");

        world.at("2025-04-02T10:00");
    }

    @AfterAll
    static void resetClock() {
        if (sharedClock != null) {
            sharedClock.reset();
        }
    }

    @Test
    void marchFiguresOfTheCityCountOrdersByTheirAcceptedClosedOrVisitedDay() throws Exception {
        JsonNode kpis = report(world.manager, "2025-03-01", "2025-03-31", world.city.code(), null).get("kpis");

        expect(kpis, "ORDERS_RECEIVED", "2", null, "2");                  // O1, O2 (accepted 31 March 23:00)
        expect(kpis, "RESPONSE_24H", "2", "2", "100.00");                 // O1 at its close, O2 taken after 3 min
        expect(kpis, "ON_TIME", "1", "1", "100.00");                      // closed in March: O1 only
        expect(kpis, "FIRST_CONTACT_RESOLUTION", "1", "1", "100.00");
        expect(kpis, "HANDLING_HOURS_MEAN", "0.08", "1", "0.08");        // 5 min
        expect(kpis, "REPAIR_ARRIVAL_ON_TIME", "1", "1", "100.00");       // O2 within 45 min
        expect(kpis, "REPAIR_ARRIVAL_MINUTES_MEAN", "30.00", "1", "30.00");
        expect(kpis, "REPAIR_RESTORATION_MINUTES_MEAN", "60.00", "1", "60.00");
        expect(kpis, "SATISFACTION", "0", "0", null);                     // no visit in March
        expect(kpis, "COMPLAINTS_PER_10K", "0", "2", "0.00");             // 2 customers in the city
        expect(kpis, "OVERDUE", "0", null, "0");
        assertThat(kpi(kpis, "SATISFACTION").get("state").asString()).isEqualTo("NO_DATA");
        assertThat(kpi(kpis, "ERROR_RATE").get("state").asString()).isEqualTo("NO_DATA");
        assertThat(kpi(kpis, "ERROR_RATE").get("target").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void aprilFiguresOfTheCity() throws Exception {
        JsonNode kpis = report(world.manager, "2025-04-01", "2025-04-30", world.city.code(), null).get("kpis");

        expect(kpis, "ORDERS_RECEIVED", "3", null, "3");                  // O3, O4, O5
        // O3 responded after 30 h; O4 is still within its 24 h; O5 was cancelled before any response
        expect(kpis, "RESPONSE_24H", "0", "1", "0.00");
        expect(kpis, "ON_TIME", "1", "2", "50.00");                       // closed: O2 (all met), O3 (breached)
        expect(kpis, "FIRST_CONTACT_RESOLUTION", "1", "2", "50.00");      // O3 was followed by the repeat O4
        // O2 2 h 10 min, O3 30 h 40 min: sum 32.83 h, mean 16.42 h, median (2.17 + 30.67) / 2
        expect(kpis, "HANDLING_HOURS_MEAN", "32.83", "2", "16.42");
        expect(kpis, "HANDLING_HOURS_MEDIAN", "16.42", "2", "16.42");
        expect(kpis, "SATISFACTION", "2", "2", "100.00");                 // satisfied O2 + basically satisfied O3
        expect(kpis, "RETURN_VISIT_RATE", "2", "2", "100.00");
        expect(kpis, "COMPLAINTS_PER_10K", "2", "2", "10000.00");         // O3, O4 over 2 customers
        expect(kpis, "REPEAT_RATE", "1", "2", "50.00");                   // O4 repeats O3
        expect(kpis, "REPAIR_ARRIVAL_ON_TIME", "0", "0", null);           // O2 was accepted in March
        expect(kpis, "OVERDUE", "1", null, "1");                          // O3
        assertThat(kpi(kpis, "RESPONSE_24H").get("state").asString()).isEqualTo("RED");
        assertThat(kpi(kpis, "SATISFACTION").get("state").asString()).isEqualTo("GREEN");
    }

    @Test
    void aStationIsItsOwnSubtree() throws Exception {
        JsonNode a = report(world.manager, "2025-04-01", "2025-04-30", world.stationA.code(), null).get("kpis");
        expect(a, "ORDERS_RECEIVED", "1", null, "1");                     // O5
        expect(a, "ON_TIME", "1", "1", "100.00");                         // O2
        expect(a, "COMPLAINTS_PER_10K", "0", "1", "0.00");
        JsonNode b = report(world.manager, "2025-04-01", "2025-04-30", world.stationB.code(), null).get("kpis");
        expect(b, "ORDERS_RECEIVED", "2", null, "2");                     // O3, O4
        expect(b, "COMPLAINTS_PER_10K", "2", "1", "20000.00");
        // split by unit, a unit without children is its own only group (it was a server error: an empty "case")
        JsonNode byUnit = report(world.manager, "2025-04-01", "2025-04-30", world.stationB.code(), "unit")
                .get("groups");
        assertThat(keys(byUnit)).containsExactly(world.stationB.code());
        expect(group(byUnit, world.stationB.code()), "ORDERS_RECEIVED", "2", null, "2");
    }

    @Test
    void splitByUnitMonthAndDay() throws Exception {
        JsonNode byUnit = report(world.manager, "2025-04-01", "2025-04-30", world.city.code(), "unit").get("groups");
        assertThat(keys(byUnit)).containsExactlyInAnyOrder(world.stationA.code(), world.stationB.code());
        expect(group(byUnit, world.stationA.code()), "ORDERS_RECEIVED", "1", null, "1");
        expect(group(byUnit, world.stationB.code()), "ORDERS_RECEIVED", "2", null, "2");
        expect(group(byUnit, world.stationB.code()), "COMPLAINTS_PER_10K", "2", "1", "20000.00");

        JsonNode byMonth = report(world.manager, "2025-03-01", "2025-04-30", world.city.code(), "month")
                .get("groups");
        assertThat(keys(byMonth)).containsExactly("2025-03", "2025-04");
        expect(byMonth.get(0).get("kpis"), "ORDERS_RECEIVED", "2", null, "2");
        expect(byMonth.get(1).get("kpis"), "ON_TIME", "1", "2", "50.00");

        JsonNode byDay = report(world.manager, "2025-03-31", "2025-04-01", world.city.code(), "day").get("groups");
        assertThat(keys(byDay)).containsExactly("2025-03-31", "2025-04-01");
        expect(byDay.get(0).get("kpis"), "ORDERS_RECEIVED", "2", null, "2");
        expect(byDay.get(1).get("kpis"), "ORDERS_RECEIVED", "1", null, "1");
        expect(byDay.get(1).get("kpis"), "ON_TIME", "1", "1", "100.00"); // O2 closed on 1 April
    }

    @Test
    void drillDownListsTheOrdersBehindNumeratorAndDenominator() throws Exception {
        assertThat(drill("ON_TIME", "denominator", "")).containsExactly(o3, o2);
        assertThat(drill("ON_TIME", "numerator", "")).containsExactly(o2);
        assertThat(drill("ORDERS_RECEIVED", "numerator", "&groupBy=unit&group=" + world.stationB.code()))
                .containsExactly(o4, o3);
        assertThat(drill("RESPONSE_24H", "denominator", "")).containsExactly(o3);
    }

    @Test
    void anAgentSeesOnlyTheirOwnNumbers() throws Exception {
        JsonNode kpis = report(world.otherAgent, "2025-04-01", "2025-04-30", null, null).get("kpis");
        expect(kpis, "ORDERS_RECEIVED", "1", null, "1");                  // O4
        JsonNode refused = world.read(mvc.perform(get("/api/v1/kpis").with(as(world.otherAgent))
                .param("from", "2025-04-01").param("to", "2025-04-30").param("staff", world.agent))
                .andReturn().getResponse());
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("staff");
    }

    @Test
    void satisfactionCountsBasicallySatisfiedOnlyWhenTheSettingSaysSo() throws Exception {
        world.call(put("/api/v1/kpi-settings/BASICALLY_SATISFIED_COUNTS").with(asAdmin()), Map.of("value", "false"),
                200);
        try {
            JsonNode kpis = report(world.manager, "2025-04-01", "2025-04-30", world.city.code(), null).get("kpis");
            expect(kpis, "SATISFACTION", "1", "2", "50.00");
        } finally {
            world.call(put("/api/v1/kpi-settings/BASICALLY_SATISFIED_COUNTS").with(asAdmin()),
                    Map.of("value", "true"), 200);
        }
    }

    @Test
    void targetsOfAUnitOverrideTheDefaultAndGiveGreenAmberRed() throws Exception {
        String path = "/api/v1/kpis?from=2025-04-01&to=2025-04-30&unit=" + world.city.code();
        assertThat(state(path, "ON_TIME")).isEqualTo("RED");              // 50 % against the default ≥ 98
        JsonNode target = world.call(put("/api/v1/kpi-targets").with(as(world.manager)), Map.of("kpi", "ON_TIME",
                "unit", world.city.code(), "comparison", ">=", "target", 50, "amberBand", 5), 200);
        assertThat(state(path, "ON_TIME")).isEqualTo("GREEN");
        world.call(put("/api/v1/kpi-targets").with(as(world.manager)), Map.of("kpi", "ON_TIME",
                "unit", world.city.code(), "comparison", ">=", "target", 54, "amberBand", 5), 200);
        assertThat(state(path, "ON_TIME")).isEqualTo("AMBER");            // 4 points short, within 5
        // the station inherits its city's target (O3 alone: 0 %)
        JsonNode station = kpi(world.read(mvc.perform(get("/api/v1/kpis?from=2025-04-01&to=2025-04-30&unit="
                + world.stationB.code()).with(as(world.manager))).andReturn().getResponse()).get("kpis"), "ON_TIME");
        assertThat(station.get("target").decimalValue()).isEqualByComparingTo("54");
        assertThat(station.get("state").asString()).isEqualTo("RED");
        JsonNode defaults = world.read(mvc.perform(put("/api/v1/kpi-targets").with(as(world.manager))
                .contentType("application/json").content("{\"kpi\":\"ON_TIME\",\"comparison\":\">=\",\"target\":1}"))
                .andReturn().getResponse());
        assertThat(defaults.get("errors").get(0).get("field").asString()).isEqualTo("unit");
        mvc.perform(delete("/api/v1/kpi-targets/" + target.get("id").asLong()).with(as(world.manager)));
        assertThat(state(path, "ON_TIME")).isEqualTo("RED");
    }

    @Test
    void badInputAnswers400NamingTheField() throws Exception {
        assertThat(badField("from=2025-04-02&to=2025-04-01")).isEqualTo("to");
        assertThat(badField("from=2025-04-01&to=2025-04-30&groupBy=weekday")).isEqualTo("groupBy");
        assertThat(badField("from=2025-04-01&to=2025-04-30&unit=NO-SUCH-UNIT")).isEqualTo("unit");
        assertThat(badField("from=2025-04-01&to=2025-04-30&unit=HQ")).isEqualTo("unit");   // above the manager
        assertThat(badField("from=2025-04-01&to=2025-04-30&type=LETTER")).isEqualTo("type");
        assertThat(badField("from=2025-04-01&to=2025-04-30&category=NOPE")).isEqualTo("category");
        assertThat(badField("from=2025-04-01&to=2025-04-31")).isEqualTo("to");
        assertThat(badField("from=2020-01-01&to=2025-04-30")).isEqualTo("from");
    }

    // ---- helpers

    private JsonNode report(String user, String from, String to, String unit, String groupBy) throws Exception {
        var request = get("/api/v1/kpis").with(as(user)).param("from", from).param("to", to);
        if (unit != null) {
            request.param("unit", unit);
        }
        if (groupBy != null) {
            request.param("groupBy", groupBy);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return world.read(response);
    }

    private List<String> drill(String kpi, String part, String extra) throws Exception {
        var response = mvc.perform(get("/api/v1/kpis/" + kpi + "/orders?from=2025-04-01&to=2025-04-30&unit="
                + world.city.code() + "&part=" + part + extra).with(as(world.manager))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        world.read(response).get("items").forEach(i -> numbers.add(i.get("number").asString()));
        return numbers;
    }

    private String state(String path, String kpi) throws Exception {
        return kpi(world.read(mvc.perform(get(path).with(as(world.manager))).andReturn().getResponse()).get("kpis"),
                kpi).get("state").asString();
    }

    private String badField(String query) throws Exception {
        var response = mvc.perform(get("/api/v1/kpis?" + query).with(as(world.manager))).andReturn().getResponse();
        assertThat(response.getStatus()).as(query + " " + response.getContentAsString()).isEqualTo(400);
        return world.read(response).get("errors").get(0).get("field").asString();
    }

    private static List<String> keys(JsonNode groups) {
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> keys.add(g.get("key").asString()));
        return keys;
    }

    private static JsonNode group(JsonNode groups, String key) {
        for (JsonNode g : groups) {
            if (g.get("key").asString().equals(key)) {
                return g.get("kpis");
            }
        }
        throw new AssertionError("no group " + key + " in " + groups);
    }

    private static JsonNode kpi(JsonNode kpis, String name) {
        for (JsonNode k : kpis) {
            if (k.get("name").asString().equals(name)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + name + " in " + kpis);
    }

    private static void expect(JsonNode kpis, String name, String numerator, String denominator, String value) {
        JsonNode k = kpi(kpis, name);
        assertThat(decimal(k.get("numerator"))).as(name + " numerator").isEqualTo(normal(numerator));
        assertThat(decimal(k.get("denominator"))).as(name + " denominator").isEqualTo(normal(denominator));
        assertThat(decimal(k.get("value"))).as(name + " value").isEqualTo(normal(value));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue().stripTrailingZeros();
    }

    private static BigDecimal normal(String s) {
        return s == null ? null : new BigDecimal(s).stripTrailingZeros();
    }
}
