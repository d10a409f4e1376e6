package org.gridcare.analytics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A city company of its own with two supply stations, the staff to work orders through the API (so the real
 * WorkOrders service, its SLA clocks and its events feed the facts) and a movable clock in Asia/Shanghai time.
 */
class KpiWorld {

    final OrgUnit city;
    final OrgUnit stationA;
    final OrgUnit stationB;
    final String agent;
    final String otherAgent;
    final String dispatcher;
    final String crew;
    final String supervisor;
    final String manager;
    private final MockMvc mvc;
    private final ObjectMapper json;
    private final MutableClock clock;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    KpiWorld(Fixtures fixtures, MockMvc mvc, ObjectMapper json, MutableClock clock, JdbcClient jdbc,
             ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.mvc = mvc;
        this.json = json;
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("KC"), OrgUnitKind.CITY_COMPANY, "HQ");
        stationA = fixtures.unit(Fixtures.unique("KA"), OrgUnitKind.SUPPLY_STATION, city.code());
        stationB = fixtures.unit(Fixtures.unique("KB"), OrgUnitKind.SUPPLY_STATION, city.code());
        agent = Fixtures.unique("kagent");
        otherAgent = Fixtures.unique("kagent");
        dispatcher = Fixtures.unique("kdisp");
        crew = Fixtures.unique("kcrew");
        supervisor = Fixtures.unique("ksup");
        manager = Fixtures.unique("kmgr");
        fixtures.user(agent, city.code(), Role.AGENT);
        fixtures.user(otherAgent, city.code(), Role.AGENT);
        fixtures.user(dispatcher, city.code(), Role.DISPATCHER);
        fixtures.user(crew, city.code(), Role.FIELD_STAFF);
        fixtures.user(supervisor, city.code(), Role.SUPERVISOR);
        fixtures.user(manager, city.code(), Role.MANAGER);
    }

    /** Moves the clock to a wall-clock time in Asia/Shanghai. */
    void at(String shanghaiTime) {
        clock.set(LocalDateTime.parse(shanghaiTime).atZone(BusinessTime.ZONE).toInstant());
    }

    void later(Duration duration) {
        clock.advance(duration);
    }

    String customer(OrgUnit station) throws Exception {
        String number = "34" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", "测试路 " + number.substring(8) + " 号", "phone", "13812345678",
                "unitCode", station.code());
        call(post("/api/v1/customers").with(asAdmin()), body, 201);
        return number;
    }

    String order(WorkOrderType type, String category, String customerNumber) throws Exception {
        return order(type, category, customerNumber, agent);
    }

    String order(WorkOrderType type, String category, String customerNumber, String by) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("type", type.name());
        body.put("category", category);
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        if (customerNumber != null) {
            body.put("customerNumber", customerNumber);
        }
        body.put("callerName", "王五");
        body.put("callerPhone", "13900002222");
        body.put("description", "测试诉求");
        return call(post("/api/v1/work-orders").with(as(by)), body, 201).get("number").asString();
    }

    /** Takes an action as a user with the order's current version; the extra fields go into the body. */
    JsonNode act(String number, String action, String user, Object... fields) throws Exception {
        int version = read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(user))).andReturn().getResponse())
                .get("version").asInt();
        var body = new HashMap<String, Object>();
        body.put("version", version);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return call(post("/api/v1/work-orders/" + number + "/" + action).with(as(user)), body, 200);
    }

    /** Records a return visit (POST /visit {version, result, comment, aspects}) as the supervisor. */
    void visit(String number, VisitResult result) throws Exception {
        act(number, "visit", supervisor, "result", result.name(), "comment", "回访");
    }

    JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body,
                  int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        if (response.getStatus() != status) {
            throw new IllegalStateException(request + " answered " + response.getStatus() + ": "
                    + response.getContentAsString());
        }
        return read(response);
    }

    JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A field ("numerator", "denominator", "value") of KPI {@code name} in a report's {@code kpis}, as plain text. */
    static String kpiValue(JsonNode kpis, String name, String field) {
        for (JsonNode k : kpis) {
            if (k.get("name").asString().equals(name)) {
                JsonNode v = k.get(field);
                return v == null || v.isNull() ? null : v.decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("no KPI " + name);
    }
}
