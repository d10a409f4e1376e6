package org.gridcare.workorder;

import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A supply station of its own with an agent, a dispatcher, a crew member and a supervisor, and customers
 * registered through the customer API: what the work order tests act in. Everything has unique names.
 */
class WorkOrderWorld {

    final OrgUnit station;
    final String agent;
    final String dispatcher;
    final String crew;
    final String supervisor;
    private final MockMvc mvc;
    private final ObjectMapper json;

    WorkOrderWorld(Fixtures fixtures, MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
        fixtures.root();
        String city = Fixtures.unique("WC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("WS"), OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("agent");
        dispatcher = Fixtures.unique("disp");
        crew = Fixtures.unique("crew");
        supervisor = Fixtures.unique("sup");
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        fixtures.user(supervisor, station.code(), Role.SUPERVISOR);
    }

    static RequestPostProcessor as(String username) {
        return httpBasic(username, Fixtures.PASSWORD);
    }

    static RequestPostProcessor admin() {
        return httpBasic("admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** Registers a residential customer at the station; returns its number. */
    String customer(String address) throws Exception {
        String number = "33" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", address, "phone", "13812345678", "unitCode", station.code());
        int status = mvc.perform(post("/api/v1/customers").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse().getStatus();
        if (status != 201) {
            throw new IllegalStateException("customer not created: " + status);
        }
        return number;
    }

    String order(String type, String category, String customerNumber) throws Exception {
        return order(type, category, customerNumber, null);
    }

    String order(String type, String category, String customerNumber, String address) throws Exception {
        var response = mvc.perform(post("/api/v1/work-orders").with(as(agent)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(orderBody(type, category, customerNumber, address))))
                .andReturn().getResponse();
        if (response.getStatus() != 201) {
            throw new IllegalStateException("order not created: " + response.getStatus() + " "
                    + response.getContentAsString());
        }
        return json.readTree(response.getContentAsString()).get("number").asString();
    }

    static Map<String, Object> orderBody(String type, String category, String customerNumber, String address) {
        var body = new java.util.HashMap<String, Object>();
        body.put("type", type);
        body.put("category", category);
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        if (customerNumber != null) {
            body.put("customerNumber", customerNumber);
        }
        body.put("callerName", "李四");
        body.put("callerPhone", "13900001111");
        if (address != null) {
            body.put("address", address);
        }
        body.put("description", "家中无电");
        return body;
    }

    JsonNode read(String content) {
        return json.readTree(content);
    }
}
