package org.gridcare.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Certificates and shifts: expiry reminders (once per certificate, expiry and recipient), the block on dispatching
 * work a missing or expired mandatory certificate covers, and the dispatch suggestion's ranking by skill, duty and
 * workload — on hand-made data at a fixed moment.
 */
@GridCareTest
class StaffQualificationTests {

    /** Monday 2026-06-01 10:00 Beijing time: inside a DAY shift (08:00–17:00), outside a NIGHT shift. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired Certificates certificates;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    private OrgUnit station;
    private String manager;
    private String agent;
    private String dispatcher;
    private String outsideDispatcher;
    private String team;

    @BeforeEach
    void world() throws Exception {
        clock.set(MONDAY);
        fixtures.root();
        String city = Fixtures.unique("QC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("QS"), OrgUnitKind.SUPPLY_STATION, city);
        OrgUnit other = fixtures.unit(Fixtures.unique("QO"), OrgUnitKind.SUPPLY_STATION, city);
        manager = Fixtures.unique("qmgr");
        agent = Fixtures.unique("qagent");
        dispatcher = Fixtures.unique("qdisp");
        outsideDispatcher = Fixtures.unique("qodisp");
        fixtures.user(manager, station.code(), Role.MANAGER);
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(outsideDispatcher, other.code(), Role.DISPATCHER);
        team = Fixtures.unique("QT");
        send(ApiRequests.postJson("/api/v1/teams", json.writeValueAsString(Map.of("code", team, "name", "抢修班",
                "unitCode", station.code()))), manager, 201);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void expiringCertificatesRemindHolderAndLeaderOnceAndARenewalStopsThem() throws Exception {
        String leader = electrician(Fixtures.unique("qlead"));
        long leaderId = userId(leader);
        String holder = electrician(Fixtures.unique("qhold"));
        long holderId = userId(holder);
        long teamId = send(get("/api/v1/teams"), manager, 200).valueStream()
                .filter(t -> t.get("code").asString().equals(team)).findFirst().orElseThrow().get("id").asLong();
        send(ApiRequests.patchJson("/api/v1/teams/" + teamId, json.writeValueAsString(Map.of("version", 0,
                "leaderUsername", leader))), manager, 200);
        certificate(leaderId, "ELECTRICIAN_LV", TODAY.minusYears(1), TODAY.plusYears(3));
        JsonNode cert = certificate(holderId, "ELECTRICIAN_LV", TODAY.minusYears(5), TODAY.plusDays(40));
        long certId = cert.get("id").asLong();
        assertThat(cert.get("state").asString()).isEqualTo("VALID");
        assertThat(cert.get("mandatory").asBoolean()).isTrue();

        certificates.remind(clock.instant());
        assertThat(notices(holder)).as("40 days ahead is outside the 30-day lead time").isEmpty();

        clock.advance(Duration.ofDays(15));
        assertThat(certificates.remind(clock.instant())).isGreaterThanOrEqualTo(2);
        assertThat(notices(holder)).containsExactly("CERTIFICATE_EXPIRING");
        assertThat(notices(leader)).containsExactly("CERTIFICATE_EXPIRING");
        assertThat(certificates.remind(clock.instant())).as("a re-run sends nothing twice").isZero();
        clock.advance(Duration.ofDays(3));
        assertThat(certificates.remind(clock.instant())).as("nor does a later run before expiry").isZero();
        assertThat(notices(holder)).hasSize(1);
        assertThat(send(get("/api/v1/staff/certificates/expiring"), manager, 200).valueStream()
                .map(e -> e.get("username").asString()).toList()).contains(holder).doesNotContain(leader);

        clock.advance(Duration.ofDays(25));
        certificates.remind(clock.instant());
        assertThat(notices(holder)).containsExactly("CERTIFICATE_EXPIRED", "CERTIFICATE_EXPIRING");
        assertThat(certificates.remind(clock.instant())).isZero();
        assertThat(send(get("/api/v1/staff/" + holderId + "/certificates"), holder, 200).get(0).get("state")
                .asString()).isEqualTo("EXPIRED");

        send(ApiRequests.patchJson("/api/v1/staff/" + holderId + "/certificates/" + certId,
                json.writeValueAsString(Map.of("version", 0, "expiresOn", TODAY.plusYears(6).toString()))),
                manager, 200);
        clock.advance(Duration.ofDays(1));
        certificates.remind(clock.instant());
        assertThat(notices(holder)).as("the renewal is years away").hasSize(2);
        assertThat(ApiRequests.auditActions(mvc, "StaffCertificate", String.valueOf(certId))).contains(
                "STAFF_CERTIFICATE_ADDED", "STAFF_CERTIFICATE_EXPIRING", "STAFF_CERTIFICATE_EXPIRED",
                "STAFF_CERTIFICATE_RENEWED");
        send(post("/api/v1/staff/notices/read"), holder, 204);
        assertThat(send(get("/api/v1/staff/notices"), holder, 200).valueStream()
                .allMatch(n -> n.get("read").asBoolean())).isTrue();
    }

    @Test
    void anExpiredMandatoryCertificateBlocksDispatchOfTheWorkItCoversUntilRenewed() throws Exception {
        String crew = electrician(Fixtures.unique("qcrew"));
        long crewId = userId(crew);
        long certId = certificate(crewId, "ELECTRICIAN_LV", TODAY.minusYears(6), TODAY.minusDays(1)).get("id")
                .asLong();
        String order = order("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER");

        JsonNode refused = dispatch(order, crew, 400);
        assertThat(fields(refused)).containsExactly("handler");
        assertThat(refused.toString()).contains(TODAY.minusDays(1).toString());
        assertThat(send(get("/api/v1/work-orders/" + order), dispatcher, 200).get("status").asString())
                .as("nothing half-done").isEqualTo("ACCEPTED");

        String newcomer = electrician(Fixtures.unique("qnew"));
        assertThat(fields(dispatch(order, newcomer, 400))).as("no certificate at all").containsExactly("handler");

        send(ApiRequests.patchJson("/api/v1/staff/" + crewId + "/certificates/" + certId,
                json.writeValueAsString(Map.of("version", 0, "issuedOn", TODAY.minusDays(2).toString(),
                        "expiresOn", TODAY.plusYears(6).toString()))), manager, 200);
        assertThat(dispatch(order, crew, 200).get("handler").asString()).isEqualTo(crew);

        // work the kind does not cover is not blocked: a complaint goes to the newcomer without a licence
        String complaint = order("COMPLAINT", "COMPLAINT.SERVICE");
        dispatch(complaint, newcomer, 200);
    }

    @Test
    void theSuggestionRanksOnDutySkilledUnblockedStaffByTheirOrdersOnHand() throws Exception {
        String busy = electrician(Fixtures.unique("qbusy"));
        String idle = electrician(Fixtures.unique("qidle"));
        String offDuty = electrician(Fixtures.unique("qoff"));
        String unskilled = Fixtures.unique("qunsk");
        fixtures.user(unskilled, station.code(), Role.FIELD_STAFF);
        send(ApiRequests.postJson("/api/v1/staff", json.writeValueAsString(Map.of("username", unskilled,
                "position", "REPAIR_ELECTRICIAN", "skills", List.of(Map.of("type", "COMPLAINT"))))), manager, 201);
        String blocked = electrician(Fixtures.unique("qblk"));
        String unprofiled = Fixtures.unique("qnop");
        fixtures.user(unprofiled, station.code(), Role.FIELD_STAFF);
        for (String person : List.of(busy, idle, offDuty, unskilled, blocked)) {
            long id = userId(person);
            if (!person.equals(blocked)) {
                certificate(id, "ELECTRICIAN_LV", TODAY.minusYears(1), TODAY.plusYears(2));
            } else {
                certificate(id, "ELECTRICIAN_LV", TODAY.minusYears(7), TODAY.minusDays(3));
            }
            shift(id, person.equals(offDuty) ? "NIGHT" : "DAY");
        }
        dispatch(order("FAULT_REPAIR", "FAULT_REPAIR.VOLTAGE"), busy, 200);
        dispatch(order("FAULT_REPAIR", "FAULT_REPAIR.EQUIPMENT"), busy, 200);

        String order = order("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER");
        JsonNode suggestion = send(get("/api/v1/work-orders/" + order + "/suggestions"), dispatcher, 200);
        List<String> ranked = new ArrayList<>();
        suggestion.get("candidates").forEach(c -> ranked.add(c.get("username").asString()));
        assertThat(ranked).containsExactly(idle, busy);
        assertThat(suggestion.get("candidates").get(1).get("openOrders").asLong()).isEqualTo(2);
        assertThat(suggestion.get("candidates").get(0).get("rank").asInt()).isEqualTo(1);
        Map<String, String> reasons = new HashMap<>();
        suggestion.get("passedOver").forEach(p -> reasons.put(p.get("username").asString(), p.get("reason").asString()));
        assertThat(reasons).containsEntry(offDuty, "OFF_DUTY").containsEntry(unskilled, "NO_SKILL")
                .containsEntry(blocked, "CERTIFICATE").containsEntry(unprofiled, "NO_PROFILE");

        clock.advance(Duration.ofHours(8));
        JsonNode evening = send(get("/api/v1/work-orders/" + order + "/suggestions"), dispatcher, 200);
        List<String> atSix = new ArrayList<>();
        evening.get("candidates").forEach(c -> atSix.add(c.get("username").asString()));
        assertThat(atSix).as("18:00: only the night shift is on duty").containsExactly(offDuty);

        MockHttpServletResponse fragment = mvc.perform(get("/staff/suggestions").param("order", order)
                .with(user(accounts.loadUserByUsername(dispatcher)))).andReturn().getResponse();
        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("gc-suggestions",
                offDuty);
        send(get("/api/v1/work-orders/" + order + "/suggestions"), outsideDispatcher, 404);
        send(get("/api/v1/work-orders/" + order + "/suggestions"), agent, 403);
    }

    @Test
    void certificatesAndShiftsRefuseBadInputAndStaffOnlyReadTheirOwn() throws Exception {
        String crew = electrician(Fixtures.unique("qbad"));
        long crewId = userId(crew);
        String base = "/api/v1/staff/" + crewId + "/certificates";
        assertThat(fields(send(ApiRequests.postJson(base, json.writeValueAsString(Map.of("kindCode", "PILOT",
                "number", "1", "issuer", "x", "issuedOn", "2020-01-01"))), manager, 400))).contains("kindCode");
        assertThat(fields(send(ApiRequests.postJson(base, json.writeValueAsString(Map.of("kindCode",
                "ELECTRICIAN_LV", "number", "1", "issuer", "x", "issuedOn", "2020-01-01", "expiresOn",
                "2019-01-01"))), manager, 400))).contains("expiresOn");
        assertThat(fields(send(ApiRequests.postJson(base, json.writeValueAsString(Map.of("kindCode",
                "ELECTRICIAN_LV", "number", "1", "issuer", "x", "issuedOn", "2099-01-01"))), manager, 400)))
                .contains("issuedOn");
        assertThat(fields(send(ApiRequests.postJson(base, json.writeValueAsString(Map.of("kindCode",
                "ELECTRICIAN_LV", "issuer", "x", "issuedOn", "2020-01-01"))), manager, 400))).contains("number");
        long certId = certificate(crewId, "ELECTRICIAN_LV", TODAY.minusYears(1), TODAY.plusYears(1)).get("id")
                .asLong();
        send(ApiRequests.postJson(base, json.writeValueAsString(Map.of("kindCode", "ELECTRICIAN_LV", "number",
                "N" + certId + "x", "issuer", "x", "issuedOn", "2020-01-01"))), crew, 403);

        MockHttpServletResponse text = mvc.perform(multipart(base + "/" + certId + "/scan")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", "not a pdf".getBytes()))
                .with(as(manager))).andReturn().getResponse();
        assertThat(text.getStatus()).isEqualTo(400);
        assertThat(fields(json.readTree(text.getContentAsString()))).contains("file");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        MockHttpServletResponse stored = mvc.perform(multipart(base + "/" + certId + "/scan")
                .file(new MockMultipartFile("file", "licence.png", "image/png", png)).with(as(manager)))
                .andReturn().getResponse();
        assertThat(stored.getStatus()).as(stored.getContentAsString()).isEqualTo(200);
        assertThat(mvc.perform(get(base + "/" + certId + "/scan").with(as(crew))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(png);

        String shifts = "/api/v1/staff/" + crewId + "/shifts";
        assertThat(fields(send(ApiRequests.postJson(shifts, json.writeValueAsString(Map.of("date",
                TODAY.toString(), "shiftCode", "LUNCH"))), manager, 400))).contains("shiftCode");
        assertThat(fields(send(ApiRequests.postJson(shifts, json.writeValueAsString(Map.of("date",
                TODAY.toString(), "startsAt", "2026-06-01T10:00:00Z", "endsAt", "2026-06-01T09:00:00Z"))),
                manager, 400))).contains("endsAt");
        shift(crewId, "DAY");
        send(ApiRequests.postJson(shifts, json.writeValueAsString(Map.of("date", TODAY.toString(),
                "startsAt", "2026-06-01T03:00:00Z", "endsAt", "2026-06-01T05:00:00Z"))), manager, 409);
        assertThat(send(get(shifts), crew, 200)).hasSize(1);
        send(ApiRequests.postJson(shifts, json.writeValueAsString(Map.of("date", TODAY.plusDays(1).toString(),
                "shiftCode", "DAY"))), crew, 403);
        send(get(shifts), outsideDispatcher, 404);
        send(get("/api/v1/staff/certificates/expiring"), crew, 403);
        assertThat(send(get("/api/v1/staff/certificate-kinds"), crew, 200).valueStream()
                .filter(k -> k.get("code").asString().equals("ELECTRICIAN_LV")).findFirst().orElseThrow()
                .get("mandatoryFor").toString()).contains("REPAIR_ELECTRICIAN");
    }

    // ---- helpers

    /** A FIELD_STAFF user at the station with a REPAIR_ELECTRICIAN profile skilled for fault repair. */
    private String electrician(String username) throws Exception {
        fixtures.user(username, station.code(), Role.FIELD_STAFF);
        send(ApiRequests.postJson("/api/v1/staff", json.writeValueAsString(Map.of("username", username,
                "position", "REPAIR_ELECTRICIAN", "teamCode", team, "skills",
                List.of(Map.of("type", "FAULT_REPAIR"), Map.of("type", "COMPLAINT"))))), manager, 201);
        return username;
    }

    private long userId(String username) throws Exception {
        return send(get("/api/v1/staff"), manager, 200).valueStream()
                .filter(p -> p.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("userId").asLong();
    }

    private JsonNode certificate(long userId, String kind, LocalDate issued, LocalDate expires) throws Exception {
        return send(ApiRequests.postJson("/api/v1/staff/" + userId + "/certificates", json.writeValueAsString(
                Map.of("kindCode", kind, "number", Fixtures.unique("NO"), "issuer", "国家能源局",
                        "issuedOn", issued.toString(), "expiresOn", expires.toString()))), manager, 201);
    }

    private void shift(long userId, String code) throws Exception {
        send(ApiRequests.postJson("/api/v1/staff/" + userId + "/shifts", json.writeValueAsString(Map.of(
                "date", TODAY.toString(), "shiftCode", code))), manager, 201);
    }

    private String order(String type, String category) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("type", type);
        body.put("category", category);
        body.put("channel", "HOTLINE_95598");
        body.put("priority", "NORMAL");
        body.put("callerName", "李四");
        body.put("callerPhone", "13900001111");
        body.put("address", "滨江路 1 号");
        body.put("customerNumber", customer());
        body.put("description", "家中无电");
        return send(ApiRequests.postJson("/api/v1/work-orders", json.writeValueAsString(body)), agent, 201)
                .get("number").asString();
    }

    /** A residential customer of the station, registered through the customer API. */
    private String customer() throws Exception {
        String number = "33" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        send(ApiRequests.postJson("/api/v1/customers", json.writeValueAsString(Map.of("number", number,
                "name", "客户" + number.substring(8), "kind", "RESIDENTIAL", "voltageLevel", "AC220V",
                "address", "滨江路 1 号", "phone", "13812345678", "unitCode", station.code()))), null, 201);
        return number;
    }

    private JsonNode dispatch(String order, String handler, int expected) throws Exception {
        int version = send(get("/api/v1/work-orders/" + order), dispatcher, 200).get("version").asInt();
        return send(ApiRequests.postJson("/api/v1/work-orders/" + order + "/dispatch", json.writeValueAsString(
                Map.of("version", version, "handler", handler))), dispatcher, expected);
    }

    private List<String> notices(String username) throws Exception {
        List<String> kinds = new ArrayList<>();
        send(get("/api/v1/staff/notices"), username, 200).forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String username, int expected) throws Exception {
        String body = send(request, username, expected, true);
        return json.readTree(body.isEmpty() ? "{}" : body);
    }

    private String send(MockHttpServletRequestBuilder request, String username, int expected, boolean api)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(username == null ? asAdmin() : as(username))
                .accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> named = new ArrayList<>();
        if (problem.get("errors") != null) {
            problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        }
        return named;
    }
}
