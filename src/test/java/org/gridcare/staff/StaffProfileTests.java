package org.gridcare.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.identity.Users;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.workorder.WorkOrderType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Profiles and teams through the API: who may see and change them, the directory other modules read, bad input. */
@GridCareTest
class StaffProfileTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired StaffDirectory directory;
    @Autowired Users users;

    private OrgUnit station;
    private String manager;
    private String outsideManager;
    private String electrician;
    private String colleague;

    @BeforeEach
    void world() {
        fixtures.root();
        String city = Fixtures.unique("SC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("SS"), OrgUnitKind.SUPPLY_STATION, city);
        OrgUnit other = fixtures.unit(Fixtures.unique("SO"), OrgUnitKind.SUPPLY_STATION, city);
        manager = Fixtures.unique("smgr");
        outsideManager = Fixtures.unique("sout");
        electrician = Fixtures.unique("selec");
        colleague = Fixtures.unique("scol");
        fixtures.user(manager, station.code(), Role.MANAGER);
        fixtures.user(outsideManager, other.code(), Role.MANAGER);
        fixtures.user(electrician, station.code(), Role.FIELD_STAFF);
        fixtures.user(colleague, station.code(), Role.FIELD_STAFF);
    }

    @Test
    void aManagerBuildsATeamWithProfilesThatTheDirectoryServesToOtherModules() throws Exception {
        String team = Fixtures.unique("T");
        JsonNode created = send(ApiRequests.postJson("/api/v1/teams", json.writeValueAsString(Map.of("code", team,
                "name", "抢修一班", "unitCode", station.code(), "duties", "城区故障抢修"))), manager, 201);
        long teamId = created.get("id").asLong();
        JsonNode profile = send(ApiRequests.postJson("/api/v1/staff", json.writeValueAsString(Map.of(
                "username", electrician, "position", "REPAIR_ELECTRICIAN", "teamCode", team, "hireDate", "2019-07-01",
                "languages", List.of("普通话", "粤语"), "voltageLevels", List.of("LV_0_4KV", "MV_10KV"),
                "skills", List.of(Map.of("type", "FAULT_REPAIR"),
                        Map.of("type", "SERVICE_APPLICATION", "categoryCode", "SERVICE_APPLICATION.RECONNECTION"))))),
                manager, 201);
        long userId = profile.get("userId").asLong();
        assertThat(profile.get("teamCode").asString()).isEqualTo(team);
        send(ApiRequests.patchJson("/api/v1/teams/" + teamId, json.writeValueAsString(Map.of("version", 0,
                "leaderUsername", electrician))), manager, 200);

        StaffProfile read = directory.profileOf(userId).orElseThrow();
        assertThat(read.position()).isEqualTo(Position.REPAIR_ELECTRICIAN);
        assertThat(read.unitId()).isEqualTo(station.id().value());
        assertThat(read.canHandle(WorkOrderType.FAULT_REPAIR, "FAULT_REPAIR.NO_POWER")).isTrue();
        assertThat(read.canHandle(WorkOrderType.SERVICE_APPLICATION, "SERVICE_APPLICATION.RECONNECTION")).isTrue();
        assertThat(read.canHandle(WorkOrderType.SERVICE_APPLICATION, "SERVICE_APPLICATION.OTHER")).isFalse();
        assertThat(read.canHandle(WorkOrderType.COMPLAINT, "COMPLAINT.SERVICE")).isFalse();
        assertThat(directory.positionOf(userId)).contains(Position.REPAIR_ELECTRICIAN);
        assertThat(directory.members(teamId)).extracting(StaffProfile::username).containsExactly(electrician);
        assertThat(directory.teamOf(userId).orElseThrow().leaderUsername()).isEqualTo(electrician);
        assertThat(directory.teamsLedBy(userId)).extracting(Team::code).containsExactly(team);
        assertThat(directory.inUnits(java.util.Set.of(station.id().value()))).extracting(StaffProfile::username)
                .contains(electrician);
        assertThat(directory.teamsIn(java.util.Set.of(station.id().value()))).extracting(Team::code).contains(team);

        JsonNode changed = send(ApiRequests.patchJson("/api/v1/staff/" + userId, json.writeValueAsString(Map.of(
                "version", 0, "position", "TEAM_LEADER"))), manager, 200);
        assertThat(changed.get("position").asString()).isEqualTo("TEAM_LEADER");
        assertThat(changed.get("skills")).hasSize(2);
        send(ApiRequests.patchJson("/api/v1/staff/" + userId, json.writeValueAsString(Map.of(
                "version", 0, "position", "AGENT"))), manager, 409);
        assertThat(ApiRequests.auditActions(mvc, "StaffProfile", electrician))
                .contains("STAFF_PROFILE_CREATED", "STAFF_PROFILE_CHANGED");
        assertThat(ApiRequests.auditActions(mvc, "StaffTeam", team)).contains("STAFF_TEAM_CREATED",
                "STAFF_TEAM_CHANGED");
        assertThat(texts(send(get("/api/v1/teams/" + teamId + "/members"), electrician, 200), "username"))
                .containsExactly(electrician);
    }

    @Test
    void staffSeeTheirOwnProfileManagersOnlyWithinTheirScope() throws Exception {
        long userId = profile(electrician, null);
        long otherId = profile(colleague, null);
        send(get("/api/v1/staff/me"), electrician, 200);
        send(get("/api/v1/staff/" + userId), electrician, 200);
        send(get("/api/v1/staff/" + otherId), electrician, 404);
        send(get("/api/v1/staff"), electrician, 403);
        send(ApiRequests.postJson("/api/v1/teams", json.writeValueAsString(Map.of("code", Fixtures.unique("T"),
                "name", "x", "unitCode", station.code()))), electrician, 403);
        send(get("/api/v1/staff/" + userId), outsideManager, 404);
        assertThat(texts(send(get("/api/v1/staff"), outsideManager, 200), "username")).doesNotContain(electrician);
        assertThat(texts(send(get("/api/v1/staff").param("position", "REPAIR_ELECTRICIAN"), manager, 200),
                "username")).contains(electrician, colleague);
        send(ApiRequests.patchJson("/api/v1/staff/" + userId, "{\"version\":0,\"position\":\"AGENT\"}"),
                outsideManager, 404);
        send(ApiRequests.postJson("/api/v1/staff", json.writeValueAsString(Map.of("username", manager,
                "position", "MANAGER"))), outsideManager, 400);
        send(get("/api/v1/staff").param("unit", station.code()), outsideManager, 400);
    }

    @Test
    void badInputNamesTheField() throws Exception {
        assertField(create(Map.of("username", electrician, "position", "ASTRONAUT")), "position");
        assertField(create(Map.of("position", "AGENT")), "username");
        assertField(create(Map.of("username", "nobody-" + Fixtures.unique("x"), "position", "AGENT")), "username");
        assertField(create(Map.of("username", electrician, "position", "AGENT", "voltageLevels", List.of("1MV"))),
                "voltageLevels");
        assertField(create(Map.of("username", electrician, "position", "AGENT", "skills",
                List.of(Map.of("type", "FAULT_REPAIR", "categoryCode", "COMPLAINT.SERVICE")))), "skills");
        assertField(create(Map.of("username", electrician, "position", "AGENT", "teamCode", "NO-SUCH-TEAM")),
                "teamCode");
        assertField(create(Map.of("username", electrician, "position", "AGENT", "hireDate", "2099-01-01")),
                "hireDate");
        assertField(send(ApiRequests.postJson("/api/v1/teams", json.writeValueAsString(Map.of("code", "bad code",
                "name", "x", "unitCode", station.code()))), manager, 400), "code");
        assertThat(directory.profileOf(electrician)).as("nothing half-saved").isEmpty();
        profile(electrician, null);
        assertThat(create(Map.of("username", electrician, "position", "AGENT")).get("status").asInt()).isEqualTo(409);
    }

    // ---- helpers

    private long profile(String username, String team) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "position",
                "REPAIR_ELECTRICIAN", "skills", List.of(Map.of("type", "FAULT_REPAIR"))));
        if (team != null) {
            body.put("teamCode", team);
        }
        return send(ApiRequests.postJson("/api/v1/staff", json.writeValueAsString(body)), manager, 201)
                .get("userId").asLong();
    }

    private JsonNode create(Map<String, Object> body) throws Exception {
        MockHttpServletResponse response = mvc.perform(ApiRequests.postJson("/api/v1/staff",
                json.writeValueAsString(body)).with(as(manager))).andReturn().getResponse();
        return json.readTree(response.getContentAsString().isEmpty() ? "{}" : response.getContentAsString());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String username, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return json.readTree(body.isEmpty() ? "{}" : body);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asString()));
        return values;
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("status").asInt()).as(problem.toString()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).as(problem.toString()).contains(field);
    }
}
