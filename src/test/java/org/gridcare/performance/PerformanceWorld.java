package org.gridcare.performance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
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
 * A city with one supply station: two agents at the station (scored), the city's supervisor and two managers, and a
 * supervisor of another city (the outsider). Orders, complaints and rewards go through the other modules' APIs.
 */
class PerformanceWorld {

    final OrgUnit city;
    final OrgUnit station;
    final String agent = Fixtures.unique("pag");
    final String otherAgent = Fixtures.unique("pagb");
    final String supervisor = Fixtures.unique("psup");
    final String manager = Fixtures.unique("pmgr");
    final String secondManager = Fixtures.unique("pmgr2");
    final String outsider = Fixtures.unique("pout");
    private final MockMvc mvc;
    private final ObjectMapper json;
    private final MutableClock clock;

    PerformanceWorld(Fixtures fixtures, MockMvc mvc, ObjectMapper json, MutableClock clock) {
        this.mvc = mvc;
        this.json = json;
        this.clock = clock;
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("PC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("PS"), OrgUnitKind.SUPPLY_STATION, city.code());
        OrgUnit otherCity = fixtures.unit(Fixtures.unique("PO"), OrgUnitKind.CITY_COMPANY, "HQ");
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(otherAgent, station.code(), Role.AGENT);
        fixtures.user(supervisor, city.code(), Role.SUPERVISOR);
        fixtures.user(manager, city.code(), Role.MANAGER);
        fixtures.user(secondManager, city.code(), Role.MANAGER);
        fixtures.user(outsider, otherCity.code(), Role.SUPERVISOR);
    }

    void at(String shanghaiTime) {
        clock.set(LocalDateTime.parse(shanghaiTime).atZone(BusinessTime.ZONE).toInstant());
    }

    String customer() throws Exception {
        String number = "37" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        call(post("/api/v1/customers").with(asAdmin()), Map.of("number", number, "name", "客户" + number.substring(8),
                "kind", "RESIDENTIAL", "voltageLevel", "AC220V", "address", "绩效路 " + number.substring(8) + " 号",
                "phone", "13812345678", "unitCode", station.code()), 201);
        return number;
    }

    /** An order taken by {@code by}; returns its number. */
    String order(String by, String type, String category, String customer) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("category", category);
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        body.put("customerNumber", customer);
        body.put("callerName", "钱七");
        body.put("callerPhone", "13900004444");
        body.put("description", "绩效测试");
        return call(post("/api/v1/work-orders").with(as(by)), body, 201).get("number").asString();
    }

    /** The complaint case of an order, substantiated against {@code staff} and approved by the manager. */
    void substantiate(String orderNumber, String staff) throws Exception {
        JsonNode items = call(get("/api/v1/complaints").with(as(supervisor)).param("unit", city.code())
                .param("size", "200"), null, 200).get("items");
        long id = -1;
        for (JsonNode item : items) {
            if (item.get("orderNumber").asString().equals(orderNumber)) {
                id = item.get("id").asLong();
            }
        }
        assertThat(id).isPositive();
        call(post("/api/v1/complaints/" + id + "/investigate").with(as(supervisor)), Map.of("version",
                version(id), "findings", "服务态度问题属实", "rootCause", "STAFF_BEHAVIOUR", "responsibility",
                "SUBSTANTIATED", "responsibleUnit", station.code(), "responsibleStaff", staff), 200);
        call(post("/api/v1/complaints/" + id + "/approve").with(as(manager)), Map.of("version", version(id),
                "approve", true, "comment", "认定有责"), 200);
    }

    private int version(long caseId) throws Exception {
        return call(get("/api/v1/complaints/" + caseId).with(as(supervisor)), null, 200).get("version").asInt();
    }

    /** A reward or penalty entered by the supervisor and approved by the manager. */
    void incentive(String staff, String causeType, String ref, Integer points, String amount, String occurredAt)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("staffUsername", staff);
        body.put("causeType", causeType);
        body.put("causeRef", ref);
        body.put("occurredAt", occurredAt);
        if (points != null) {
            body.put("points", points);
            body.put("amount", amount);
        }
        long id = call(post("/api/v1/incentives/records").with(as(supervisor)), body, 201).get("id").asLong();
        call(post("/api/v1/incentives/records/" + id + "/approve").with(as(manager)), Map.of("version", 0), 200);
    }

    JsonNode call(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        MockHttpServletResponse response = send(request, body);
        if (response.getStatus() != status) {
            throw new AssertionError(request + " answered " + response.getStatus() + ": "
                    + response.getContentAsString(StandardCharsets.UTF_8));
        }
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        return text.isEmpty() ? null : json.readTree(text);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
