package org.gridcare.complaint;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A city company of its own with two supply stations and the staff who handle complaints: agents take the
 * complaint orders (through the real work order API, so the cases open from its events), the city's supervisor
 * and manager investigate, review and decide appeals one level above the stations, station A's supervisor appeals
 * for the station. Another city's supervisor is the outsider.
 */
class ComplaintWorld {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

    final OrgUnit city;
    final OrgUnit stationA;
    final OrgUnit stationB;
    final String agent = Fixtures.unique("cagent");
    final String agentA = Fixtures.unique("cagenta");
    final String citySupervisor = Fixtures.unique("csup");
    final String cityManager = Fixtures.unique("cmgr");
    final String inspector = Fixtures.unique("cinsp");
    final String supervisorA = Fixtures.unique("csupa");
    final String supervisorB = Fixtures.unique("csupb");
    final String crew = Fixtures.unique("ccrew");
    final String outsider = Fixtures.unique("cout");
    private final MockMvc mvc;
    private final ObjectMapper json;
    private final MutableClock clock;

    ComplaintWorld(Fixtures fixtures, MockMvc mvc, ObjectMapper json, MutableClock clock) {
        this.mvc = mvc;
        this.json = json;
        this.clock = clock;
        fixtures.root();
        city = fixtures.unit(Fixtures.unique("QC"), OrgUnitKind.CITY_COMPANY, "HQ");
        stationA = fixtures.unit(Fixtures.unique("QA"), OrgUnitKind.SUPPLY_STATION, city.code());
        stationB = fixtures.unit(Fixtures.unique("QB"), OrgUnitKind.SUPPLY_STATION, city.code());
        OrgUnit otherCity = fixtures.unit(Fixtures.unique("QO"), OrgUnitKind.CITY_COMPANY, "HQ");
        fixtures.user(agent, city.code(), Role.AGENT);
        fixtures.user(agentA, stationA.code(), Role.AGENT);
        fixtures.user(citySupervisor, city.code(), Role.SUPERVISOR);
        fixtures.user(cityManager, city.code(), Role.MANAGER);
        fixtures.user(inspector, city.code(), Role.INSPECTOR);
        fixtures.user(supervisorA, stationA.code(), Role.SUPERVISOR);
        fixtures.user(supervisorB, stationB.code(), Role.SUPERVISOR);
        fixtures.user(crew, stationA.code(), Role.FIELD_STAFF);
        fixtures.user(outsider, otherCity.code(), Role.SUPERVISOR);
    }

    /** Moves the clock to a wall-clock time in Asia/Shanghai. */
    void at(String shanghaiTime) {
        clock.set(LocalDateTime.parse(shanghaiTime).atZone(BusinessTime.ZONE).toInstant());
    }

    String customer(OrgUnit station) throws Exception {
        String number = "35" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var body = Map.of("number", number, "name", "客户" + number.substring(8), "kind", "RESIDENTIAL",
                "voltageLevel", "AC220V", "address", "投诉路 " + number.substring(8) + " 号", "phone", "13812345678",
                "unitCode", station.code());
        call(post("/api/v1/customers").with(asAdmin()), body, 201);
        return number;
    }

    /** A complaint order taken by the city's agent; returns its number. */
    String complaint(String category, String channel, String customerNumber) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("type", "COMPLAINT");
        body.put("category", category);
        body.put("channel", channel);
        body.put("priority", "NORMAL");
        body.put("customerNumber", customerNumber);
        body.put("callerName", "赵六");
        body.put("callerPhone", "13900003333");
        body.put("description", "投诉电费计算有误");
        return call(post("/api/v1/work-orders").with(as(agent)), body, 201).get("number").asString();
    }

    /** The case of an order, as the city's supervisor finds it in the list. */
    JsonNode caseOf(String orderNumber) throws Exception {
        JsonNode items = read(mvc.perform(get("/api/v1/complaints").with(as(citySupervisor))
                .param("unit", city.code()).param("size", "200")).andReturn().getResponse()).get("items");
        for (JsonNode item : items) {
            if (item.get("orderNumber").asString().equals(orderNumber)) {
                return view(item.get("id").asLong(), citySupervisor);
            }
        }
        throw new AssertionError("no complaint case for " + orderNumber);
    }

    JsonNode view(long id, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/complaints/" + id).with(as(user))).andReturn()
                .getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException("GET case " + id + " answered " + response.getStatus());
        }
        return read(response);
    }

    /** A move with the case's current version; the fields go into the body. */
    JsonNode move(long id, String move, String user, int status, Object... fields) throws Exception {
        return call(post("/api/v1/complaints/" + id + "/" + move).with(as(user)), body(view(id, citySupervisor)
                .get("version").asInt(), fields), status);
    }

    MockHttpServletResponse moveRaw(long id, String move, String user, Object... fields) throws Exception {
        return send(post("/api/v1/complaints/" + id + "/" + move).with(as(user)),
                body(view(id, citySupervisor).get("version").asInt(), fields));
    }

    /** A step of a rectification action with its current version. */
    MockHttpServletResponse actionStep(long id, long actionId, String step, String user, Object... fields)
            throws Exception {
        int version = 0;
        for (JsonNode a : view(id, citySupervisor).get("actions")) {
            if (a.get("id").asLong() == actionId) {
                version = a.get("version").asInt();
            }
        }
        return send(post("/api/v1/complaints/" + id + "/actions/" + actionId + "/" + step).with(as(user)),
                body(version, fields));
    }

    MockHttpServletResponse upload(long id, String purpose, String user, String filename, byte[] content)
            throws Exception {
        return mvc.perform(multipart("/api/v1/complaints/" + id + "/attachments").file(new MockMultipartFile("file",
                filename, "application/octet-stream", content)).param("purpose", purpose).with(as(user)))
                .andReturn().getResponse();
    }

    /** Investigates as the city's supervisor: substantiated against {@code unit} (or not, when unit is null). */
    void determine(long id, OrgUnit unit, String category) throws Exception {
        if (unit == null) {
            move(id, "investigate", citySupervisor, 200, "findings", "抄表数据正确，客户误解", "rootCause",
                    "CUSTOMER_MISUNDERSTANDING", "responsibility", "NOT_SUBSTANTIATED");
        } else {
            move(id, "investigate", citySupervisor, 200, "findings", "电费计算差错属实", "rootCause", "BILLING_ERROR",
                    "responsibility", "SUBSTANTIATED", "responsibleUnit", unit.code(), "category", category);
        }
        move(id, "approve", cityManager, 200, "approve", true, "comment", "同意");
    }

    private static Map<String, Object> body(int version, Object... fields) {
        var body = new HashMap<String, Object>();
        body.put("version", version);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    JsonNode call(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        MockHttpServletResponse response = send(request, body);
        if (response.getStatus() != status) {
            throw new AssertionError(request + " answered " + response.getStatus() + ": "
                    + response.getContentAsString(StandardCharsets.UTF_8));
        }
        return read(response);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse();
    }

    JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
