package org.gridcare.identity;

import java.util.List;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.auditActions;
import static org.gridcare.ApiRequests.patchJson;
import static org.gridcare.ApiRequests.postJson;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff accounts and organisation units through the API: the happy paths and the rules that say no. */
@GridCareTest
class UserAndOrgUnitApiTests {

    private static final String NEW_PASSWORD = "Brand-New-Pa55";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    // --- users

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() throws Exception {
        String station = aStation();
        String username = Fixtures.unique("new-agent-");

        createUser(username, NEW_PASSWORD, "[\"AGENT\", \"DISPATCHER\"]", station, asAdmin())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/users/" + username))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("AGENT", "DISPATCHER")))
                .andExpect(jsonPath("$.unitCode").value(station))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        mvc.perform(get("/api/v1/me").with(httpBasic(username, NEW_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username));
        assertThat(auditActions(mvc, "User", username)).containsExactly("USER_CREATED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sh0rt-pw", "alllowercaseletters", "Contains-{username}-9",
            "Aa1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "密码-Aa1-电力营销服务管理平台客户服务中心抢修工单回访"})
    void aPasswordOutsideThePolicyIsRefusedAndNoUserIsCreated(String password) throws Exception {
        String username = Fixtures.unique("weak-");

        createUser(username, password.replace("{username}", username), "[\"AGENT\"]", "HQ", asAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));

        mvc.perform(get("/api/v1/users/" + username).with(asAdmin())).andExpect(status().isNotFound());
        assertThat(auditActions(mvc, "User", username)).isEmpty();
    }

    @Test
    void wildcardCharactersInASearchAreText() throws Exception {
        String username = Fixtures.unique("plain_");
        fixtures.user(username, "HQ", Role.AGENT);
        mvc.perform(get("/api/v1/users").param("text", "%").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("text", "plain_").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username", org.hamcrest.Matchers.hasItem(username)));
        mvc.perform(get("/api/v1/audit-events").param("text", "%").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() throws Exception {
        String username = Fixtures.unique("taken-");
        fixtures.user(username, "HQ", Role.AGENT);

        createUser(username.toUpperCase(), NEW_PASSWORD, "[\"AGENT\"]", "HQ", asAdmin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:conflict"));
    }

    @Test
    void aUsernameThatIsAConsolePathIsRefusedNamingUsername() throws Exception {
        createUser("New", NEW_PASSWORD, "[\"AGENT\"]", "HQ", asAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aManagerCannotGrantTheAdministratorRole() throws Exception {
        String station = aStation();
        String manager = aUser(station, Role.MANAGER);
        String agent = aUser(station, Role.AGENT);
        String username = Fixtures.unique("would-be-admin-");

        createUser(username, NEW_PASSWORD, "[\"ADMIN\"]", station, as(manager))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(patchJson("/api/v1/users/" + agent, """
                        {"roles": ["AGENT", "ADMIN"]}""").with(as(manager)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));

        mvc.perform(get("/api/v1/users/" + username).with(asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/users/" + agent).with(asAdmin())).andExpect(jsonPath("$.roles", hasSize(1)));
    }

    @Test
    void aManagerCannotChangeAnAdministrator() throws Exception {
        String station = aStation();
        String manager = aUser(station, Role.MANAGER);
        String admin = aUser(station, Role.ADMIN);

        mvc.perform(patchJson("/api/v1/users/" + admin, """
                {"enabled": false}""").with(as(manager))).andExpect(status().isConflict());
        mvc.perform(postJson("/api/v1/users/" + admin + "/unlock", "").with(as(manager)))
                .andExpect(status().isConflict());

        assertThat(auditActions(mvc, "User", admin)).containsExactly("USER_CREATED");
    }

    @Test
    void nobodyCanDisableThemselves() throws Exception {
        String station = aStation();
        String manager = aUser(station, Role.MANAGER);
        String admin = aUser(station, Role.ADMIN);

        mvc.perform(patchJson("/api/v1/users/" + manager, """
                {"enabled": false}""").with(as(manager))).andExpect(status().isConflict());
        mvc.perform(patchJson("/api/v1/users/" + admin, """
                {"enabled": false}""").with(as(admin))).andExpect(status().isConflict());
        mvc.perform(patchJson("/api/v1/users/" + admin, """
                {"roles": ["AGENT"]}""").with(as(admin))).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/me").with(as(manager))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(as(admin))).andExpect(jsonPath("$.roles[0]").value("ADMIN"));
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesAndIsAudited() throws Exception {
        String station = aStation();
        String otherStation = aStation();
        String username = aUser(station, Role.AGENT);

        mvc.perform(patchJson("/api/v1/users/" + username, """
                        {"displayName": "李四", "roles": ["SUPERVISOR"], "unitCode": "%s", "version": 0}"""
                        .formatted(otherStation)).with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("李四"))
                .andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"))
                .andExpect(jsonPath("$.unitCode").value(otherStation))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(patchJson("/api/v1/users/" + username, """
                {"displayName": "王五", "version": 0}""").with(asAdmin())).andExpect(status().isConflict());
        assertThat(auditActions(mvc, "User", username)).containsExactly("USER_CHANGED", "USER_CREATED");
    }

    @Test
    void anAdministratorResetsAPassword() throws Exception {
        String username = aUser("HQ", Role.AGENT);

        mvc.perform(patchJson("/api/v1/users/" + username, """
                {"password": "%s"}""".formatted(NEW_PASSWORD)).with(asAdmin())).andExpect(status().isOk());

        mvc.perform(get("/api/v1/me").with(as(username))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(username, NEW_PASSWORD))).andExpect(status().isOk());
        assertThat(auditActions(mvc, "User", username)).contains("USER_PASSWORD_RESET");
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        String username = aUser("HQ", Role.AGENT);

        mvc.perform(patchJson("/api/v1/users/" + username, """
                {"enabled": false}""").with(asAdmin())).andExpect(jsonPath("$.enabled").value(false));

        mvc.perform(get("/api/v1/me").with(as(username))).andExpect(status().isUnauthorized());
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        String username = aUser("HQ", Role.AGENT);

        mvc.perform(put("/api/v1/me/password")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"currentPassword": "Guessed-Pa55", "newPassword": "%s"}""".formatted(NEW_PASSWORD))
                        .with(as(username)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/v1/me/password")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(Fixtures.PASSWORD, NEW_PASSWORD))
                        .with(as(username)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/me").with(httpBasic(username, NEW_PASSWORD))).andExpect(status().isOk());
        assertThat(auditActions(mvc, "User", username)).first().isEqualTo("PASSWORD_CHANGED");
    }

    // --- organisation units

    @Test
    void anAdministratorCreatesAndRenamesAUnit() throws Exception {
        String county = Fixtures.unique("UO-COUNTY");
        fixtures.unit(county, OrgUnitKind.COUNTY_COMPANY, "HQ");
        mvc.perform(patchJson("/api/v1/org-units/" + county, """
                {"areaType": "RURAL"}""").with(asAdmin())).andExpect(status().isOk());
        String station = Fixtures.unique("UO-NEW");

        mvc.perform(postJson("/api/v1/org-units", """
                        {"code": "%s", "name": "城关供电所", "kind": "SUPPLY_STATION", "parentCode": "%s"}"""
                        .formatted(station, county)).with(asAdmin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/org-units/" + station))
                .andExpect(jsonPath("$.areaType").value("RURAL"))
                .andExpect(jsonPath("$.parentCode").value(county))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(patchJson("/api/v1/org-units/" + station, """
                        {"name": "城关供电所（新址）", "version": 0}""").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("城关供电所（新址）"))
                .andExpect(jsonPath("$.version").value(1));

        assertThat(auditActions(mvc, "OrgUnit", station)).containsExactly("ORG_UNIT_CHANGED", "ORG_UNIT_CREATED");
    }

    @Test
    void aTeamCannotContainASupplyStation() throws Exception {
        String station = aStation();
        String team = Fixtures.unique("UO-TEAM");
        fixtures.unit(team, OrgUnitKind.TEAM, station);
        String code = Fixtures.unique("UO-INSIDE");

        mvc.perform(postJson("/api/v1/org-units", """
                        {"code": "%s", "name": "班组下的所", "kind": "SUPPLY_STATION", "parentCode": "%s"}"""
                        .formatted(code, team)).with(asAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(patchJson("/api/v1/org-units/" + station, """
                        {"kind": "TEAM"}""").with(asAdmin()))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/org-units/" + code).with(asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/" + station).with(asAdmin()))
                .andExpect(jsonPath("$.kind").value("SUPPLY_STATION"));
    }

    @Test
    void theRootUnitCanBeRetypedInPlace() throws Exception {
        mvc.perform(patchJson("/api/v1/org-units/HQ", """
                        {"kind": "PROVINCE_COMPANY"}""").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").doesNotExist());
    }

    @Test
    void aMovedUnitTakesItsSubtreeAlong() throws Exception {
        String city = Fixtures.unique("UO-CITY");
        String fromCounty = Fixtures.unique("UO-FROM");
        String toCounty = Fixtures.unique("UO-TO");
        String station = Fixtures.unique("UO-MOVED");
        String team = Fixtures.unique("UO-MTEAM");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        fixtures.unit(fromCounty, OrgUnitKind.COUNTY_COMPANY, city);
        fixtures.unit(toCounty, OrgUnitKind.COUNTY_COMPANY, city);
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, fromCounty);
        fixtures.unit(team, OrgUnitKind.TEAM, station);
        String oldManager = aUser(fromCounty, Role.MANAGER);
        String newManager = aUser(toCounty, Role.MANAGER);

        mvc.perform(patchJson("/api/v1/org-units/" + station, """
                        {"parentCode": "%s"}""".formatted(toCounty)).with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").value(toCounty));

        mvc.perform(get("/api/v1/org-units").param("parentCode", station).with(as(newManager)))
                .andExpect(jsonPath("$.items[*].code").value(containsInAnyOrder(team)));
        mvc.perform(get("/api/v1/org-units/" + team).with(as(newManager))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/org-units/" + team).with(as(oldManager))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/" + station).with(as(oldManager))).andExpect(status().isNotFound());
        assertThat(auditActions(mvc, "OrgUnit", station)).first().isEqualTo("ORG_UNIT_CHANGED");
    }

    @Test
    void aUnitWithEnabledChildrenCannotBeDisabled() throws Exception {
        String station = aStation();
        String team = Fixtures.unique("UO-ON");
        fixtures.unit(team, OrgUnitKind.TEAM, station);

        mvc.perform(patchJson("/api/v1/org-units/" + station, """
                {"enabled": false}""").with(asAdmin())).andExpect(status().isConflict());
        disable(team);
        disable(station);

        mvc.perform(get("/api/v1/org-units/" + station).with(asAdmin())).andExpect(jsonPath("$.enabled").value(false));
        assertThat(auditActions(mvc, "OrgUnit", station)).containsExactly("ORG_UNIT_CHANGED", "ORG_UNIT_CREATED");
    }

    @Test
    void nothingMovesOrComesBackToLifeUnderADisabledUnit() throws Exception {
        String closed = aStation();
        String open = aStation();
        String team = Fixtures.unique("UO-BACK");
        String wanderer = Fixtures.unique("UO-WANDER");
        fixtures.unit(team, OrgUnitKind.TEAM, closed);
        fixtures.unit(wanderer, OrgUnitKind.TEAM, open);
        disable(team);
        disable(closed);

        mvc.perform(patchJson("/api/v1/org-units/" + team, """
                {"enabled": true}""").with(asAdmin())).andExpect(status().isConflict());
        mvc.perform(patchJson("/api/v1/org-units/" + wanderer, """
                {"parentCode": "%s"}""".formatted(closed)).with(asAdmin())).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/org-units/" + team).with(asAdmin())).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/org-units/" + wanderer).with(asAdmin())).andExpect(jsonPath("$.parentCode").value(open));
    }

    // --- lists

    @Test
    void listsComeInPages() throws Exception {
        String station = aStation();
        String prefix = Fixtures.unique("page-");
        for (String name : List.of("a", "b", "c")) {
            fixtures.user(prefix + name, station, Role.AGENT);
        }

        listUsers(prefix, "size", "2")
                .andExpect(jsonPath("$.items[*].username").value(containsInAnyOrder(prefix + "a", prefix + "b")))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3));
        listUsers(prefix, "size", "2", "page", "1")
                .andExpect(jsonPath("$.items[*].username").value(containsInAnyOrder(prefix + "c")));
        listUsers(prefix, "sort", "username,desc")
                .andExpect(jsonPath("$.items[0].username").value(prefix + "c"));
    }

    @Test
    void aPageOfMoreThanTwoHundredIsRefusedNamingSize() throws Exception {
        listUsers("x", "size", "201").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/org-units").param("size", "201").with(asAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordHash", "username,sideways", "username,asc,again", ","})
    void anUnknownSortIsRefusedNamingSort(String sort) throws Exception {
        listUsers("x", "sort", sort).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() throws Exception {
        listUsers("x", "page", String.valueOf(Integer.MAX_VALUE), "size", "200")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/org-units").param("page", String.valueOf(Integer.MAX_VALUE)).param("size", "200")
                        .with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    private ResultActions createUser(String username, String password, String roles, String unitCode,
                                     RequestPostProcessor caller) throws Exception {
        return mvc.perform(postJson("/api/v1/users", """
                {"username": "%s", "displayName": "新同事", "password": "%s", "roles": %s, "unitCode": "%s"}"""
                .formatted(username, password, roles, unitCode)).with(caller));
    }

    private ResultActions listUsers(String text, String... params) throws Exception {
        var request = get("/api/v1/users").param("text", text).with(asAdmin());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private void disable(String unitCode) throws Exception {
        mvc.perform(patchJson("/api/v1/org-units/" + unitCode, """
                {"enabled": false}""").with(asAdmin())).andExpect(status().isOk());
    }

    private String aStation() {
        String code = Fixtures.unique("UO-S");
        fixtures.unit(code, OrgUnitKind.SUPPLY_STATION, "HQ");
        return code;
    }

    private String aUser(String unitCode, Role role) {
        String username = Fixtures.unique("uo-" + role.name().toLowerCase() + "-");
        fixtures.user(username, unitCode, role);
        return username;
    }
}
