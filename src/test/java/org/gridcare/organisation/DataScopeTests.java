package org.gridcare.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.patchJson;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Everyone sees their own unit's subtree and nothing beside it: a province, a city, a county and two
 * sibling supply stations A and B, each with a team. Outside the scope a record looks exactly like
 * one that does not exist.
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private final String prefix = Fixtures.unique("ds");
    private final String city = prefix + "-CITY";
    private final String county = prefix + "-COUNTY";
    private final String stationA = prefix + "-A";
    private final String stationB = prefix + "-B";
    private final String teamA = prefix + "-A-T";
    private final String teamB = prefix + "-B-T";
    private final String managerA = prefix + "-mgr-a";
    private final String supervisorA = prefix + "-sup-a";
    private final String agentA = prefix + "-agent-a";
    private final String agentB = prefix + "-agent-b";
    private final String managerCounty = prefix + "-mgr-county";

    @BeforeAll
    void provinceCityCountyAndTwoSiblingStations() {
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, fixtures.root().code());
        fixtures.unit(county, OrgUnitKind.COUNTY_COMPANY, city);
        fixtures.unit(stationA, OrgUnitKind.SUPPLY_STATION, county);
        fixtures.unit(stationB, OrgUnitKind.SUPPLY_STATION, county);
        fixtures.unit(teamA, OrgUnitKind.TEAM, stationA);
        fixtures.unit(teamB, OrgUnitKind.TEAM, stationB);
        fixtures.user(managerA, stationA, Role.MANAGER);
        fixtures.user(supervisorA, stationA, Role.SUPERVISOR);
        fixtures.user(agentA, teamA, Role.AGENT);
        fixtures.user(agentB, teamB, Role.AGENT);
        fixtures.user(managerCounty, county, Role.MANAGER);
    }

    @Test
    void aStationManagerCannotReadOrChangeTheSiblingStationNorItsStaff() throws Exception {
        expectNotFound(mvc.perform(get("/api/v1/org-units/" + stationB).with(as(managerA))));
        expectNotFound(mvc.perform(patchJson("/api/v1/org-units/" + stationB, """
                {"name": "不该改名"}""").with(as(managerA))));
        expectNotFound(mvc.perform(get("/api/v1/org-units/" + teamB).with(as(managerA))));
        expectNotFound(mvc.perform(get("/api/v1/users/" + agentB).with(as(managerA))));
        expectNotFound(mvc.perform(patchJson("/api/v1/users/" + agentB, """
                {"displayName": "不该改名"}""").with(as(managerA))));
        expectNotFound(mvc.perform(postJson("/api/v1/users/" + agentB + "/unlock", "").with(as(managerA))));

        mvc.perform(get("/api/v1/org-units/" + stationB).with(asAdmin()))
                .andExpect(jsonPath("$.name").value("单位 " + stationB));
        mvc.perform(get("/api/v1/users/" + agentB).with(asAdmin()))
                .andExpect(jsonPath("$.displayName").value("用户 " + agentB));
    }

    @Test
    void aStationManagerCannotReachIntoTheSiblingStationThroughParentsAndUnits() throws Exception {
        String newTeam = Fixtures.unique("DS-T");
        mvc.perform(postJson("/api/v1/org-units", """
                        {"code": "%s", "name": "越权班组", "kind": "TEAM", "parentCode": "%s"}"""
                        .formatted(newTeam, stationB)).with(as(managerA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        mvc.perform(patchJson("/api/v1/org-units/" + teamA, """
                        {"parentCode": "%s"}""".formatted(stationB)).with(as(managerA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        mvc.perform(patchJson("/api/v1/users/" + agentA, """
                        {"unitCode": "%s"}""".formatted(teamB)).with(as(managerA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));

        mvc.perform(get("/api/v1/org-units/" + newTeam).with(asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/" + teamA).with(asAdmin())).andExpect(jsonPath("$.parentCode").value(stationA));
        mvc.perform(get("/api/v1/users/" + agentA).with(asAdmin())).andExpect(jsonPath("$.unitCode").value(teamA));
    }

    @Test
    void aStationManagerManagesTheTeamsAndStaffOfTheirOwnStation() throws Exception {
        mvc.perform(get("/api/v1/org-units/" + teamA).with(as(managerA))).andExpect(status().isOk());
        mvc.perform(patchJson("/api/v1/org-units/" + teamA, """
                        {"name": "抢修一班"}""").with(as(managerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("抢修一班"));
        mvc.perform(get("/api/v1/users/" + agentA).with(as(managerA))).andExpect(status().isOk());
        mvc.perform(patchJson("/api/v1/users/" + agentA, """
                        {"displayName": "张三"}""").with(as(managerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("张三"));
    }

    @Test
    void aStationManagerListsOnlyTheUnitsOfTheirStation() throws Exception {
        assertThat(unitCodes(as(managerA))).containsExactlyInAnyOrder(stationA, teamA);
    }

    @Test
    void theCountyManagerSeesBothStationsAndTheirStaff() throws Exception {
        assertThat(unitCodes(as(managerCounty))).containsExactlyInAnyOrder(county, stationA, teamA, stationB, teamB);
        for (String unit : List.of(stationA, stationB, teamA, teamB)) {
            mvc.perform(get("/api/v1/org-units/" + unit).with(as(managerCounty))).andExpect(status().isOk());
        }
        for (String user : List.of(managerA, agentA, agentB)) {
            mvc.perform(get("/api/v1/users/" + user).with(as(managerCounty))).andExpect(status().isOk());
        }
        expectNotFound(mvc.perform(get("/api/v1/org-units/" + city).with(as(managerCounty))));
    }

    @Test
    void aSupervisorListsOnlyTheStaffOfTheirStationSubtree() throws Exception {
        assertThat(usernames(as(supervisorA))).containsExactlyInAnyOrder(managerA, supervisorA, agentA);
    }

    @Test
    void theAdministratorSeesEverything() throws Exception {
        assertThat(usernames(asAdmin()))
                .containsExactlyInAnyOrder(managerA, supervisorA, agentA, agentB, managerCounty);
        assertThat(unitCodes(asAdmin())).containsExactlyInAnyOrder(city, county, stationA, teamA, stationB, teamB);
    }

    private List<String> usernames(RequestPostProcessor caller) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/users").param("text", prefix).param("size", "200")
                        .with(caller)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items[*].username");
    }

    /** The units whose code carries this test's prefix. */
    private List<String> unitCodes(RequestPostProcessor caller) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/org-units").param("text", prefix).param("size", "200")
                        .with(caller)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items[*].code");
    }

    private static void expectNotFound(org.springframework.test.web.servlet.ResultActions response) throws Exception {
        response.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:not-found"));
    }
}
