package org.gridcare.identity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.gridcare.ApiRequests.as;
import static org.gridcare.identity.Role.ADMIN;
import static org.gridcare.identity.Role.MANAGER;
import static org.gridcare.identity.Role.SUPERVISOR;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what: every endpoint against every role, and against nobody. One user per role sits
 * in one supply station; the endpoints act on that station, a team under it and a colleague in it,
 * so that a refusal can only come from the role, never from the data scope.
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTests {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> USER_READERS = EnumSet.of(ADMIN, MANAGER, SUPERVISOR);
    private static final Set<Role> USER_MANAGERS = EnumSet.of(ADMIN, MANAGER);
    private static final Set<Role> ADMINISTRATORS = EnumSet.of(ADMIN);

    /** Every endpoint there is, with the roles allowed through and the status they get. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/me", null, EVERYONE, 200),
            new Endpoint(HttpMethod.PUT, "/api/v1/me/locale", """
                    {"locale": "en"}""", EVERYONE, 204),
            new Endpoint(HttpMethod.PUT, "/api/v1/me/password", """
                    {"currentPassword": "%s", "newPassword": "Rotated-Pa55word"}""".formatted(Fixtures.PASSWORD),
                    EVERYONE, 204),
            new Endpoint(HttpMethod.GET, "/api/v1/tokens", null, EVERYONE, 200),
            new Endpoint(HttpMethod.POST, "/api/v1/tokens", """
                    {"name": "access check"}""", EVERYONE, 201),
            new Endpoint(HttpMethod.DELETE, "/api/v1/tokens/{token}", null, EVERYONE, 204),
            new Endpoint(HttpMethod.GET, "/api/v1/org-units", null, EVERYONE, 200),
            new Endpoint(HttpMethod.GET, "/api/v1/org-units/{station}", null, EVERYONE, 200),
            new Endpoint(HttpMethod.POST, "/api/v1/org-units", """
                    {"code": "{new}", "name": "新班组", "kind": "TEAM", "parentCode": "{station}"}""",
                    USER_MANAGERS, 201),
            new Endpoint(HttpMethod.PATCH, "/api/v1/org-units/{team}", """
                    {"name": "班组 {new}"}""", USER_MANAGERS, 200),
            new Endpoint(HttpMethod.GET, "/api/v1/users", null, USER_READERS, 200),
            new Endpoint(HttpMethod.GET, "/api/v1/users/{colleague}", null, USER_READERS, 200),
            new Endpoint(HttpMethod.POST, "/api/v1/users", """
                    {"username": "{new}", "displayName": "新员工", "password": "New-Staff-Pa55",
                     "roles": ["AGENT"], "unitCode": "{station}"}""", USER_MANAGERS, 201),
            new Endpoint(HttpMethod.PATCH, "/api/v1/users/{colleague}", """
                    {"displayName": "同事 {new}"}""", USER_MANAGERS, 200),
            new Endpoint(HttpMethod.POST, "/api/v1/users/{colleague}/unlock", null, USER_MANAGERS, 204),
            new Endpoint(HttpMethod.GET, "/api/v1/audit-events", null, ADMINISTRATORS, 200),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, ADMINISTRATORS, 200),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", null, ADMINISTRATORS, 200),
            new Endpoint(HttpMethod.GET, "/actuator/health", null, null, 200),
            new Endpoint(HttpMethod.GET, "/actuator/info", null, null, 200));

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountDetailsService accounts;

    private final String station = Fixtures.unique("AC-S");
    private final String team = Fixtures.unique("AC-T");
    private final String colleague = Fixtures.unique("ac-colleague-");
    private final Map<Role, String> callers = new EnumMap<>(Role.class);
    private final Map<Role, String> passwordChangers = new EnumMap<>(Role.class);

    @BeforeAll
    void oneUserPerRoleInOneStation() {
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, fixtures.root().code());
        fixtures.unit(team, OrgUnitKind.TEAM, station);
        fixtures.user(colleague, station, Role.AGENT);
        for (Role role : Role.values()) {
            callers.put(role, Fixtures.unique("ac-" + role.name().toLowerCase() + "-"));
            fixtures.user(callers.get(role), station, role);
            // changing one's password must not lock the caller out of the rows that follow
            passwordChangers.put(role, Fixtures.unique("ac-pw-" + role.name().toLowerCase() + "-"));
            fixtures.user(passwordChangers.get(role), station, role);
        }
    }

    Stream<Arguments> everyEndpointForEveryRole() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Role.values()).map(role -> Arguments.of(endpoint, role)));
    }

    Stream<Endpoint> everyGuardedEndpoint() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.allowed() != null);
    }

    Stream<Endpoint> everyOpenEndpoint() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.allowed() == null);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryRole")
    void eachRoleReachesTheEndpointsItsJobNeedsAndNoOthers(Endpoint endpoint, Role role) throws Exception {
        String caller = endpoint.path().endsWith("/password") ? passwordChangers.get(role) : callers.get(role);
        var response = mvc.perform(requestFor(endpoint, caller).with(as(caller)));
        if (endpoint.allows(role)) {
            response.andExpect(status().is(endpoint.success()));
        } else {
            response.andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:gridcare:problem:forbidden"))
                    .andExpect(jsonPath("$.status").value(403));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyGuardedEndpoint")
    void nobodySignedInGetsA401Problem(Endpoint endpoint) throws Exception {
        mvc.perform(requestFor(endpoint, callers.get(ADMIN)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(jsonPath("$.type").value("urn:gridcare:problem:unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOpenEndpoint")
    void healthAndInfoAreOpenToAll(Endpoint endpoint) throws Exception {
        mvc.perform(requestFor(endpoint, callers.get(ADMIN))).andExpect(status().is(endpoint.success()));
    }

    private MockHttpServletRequestBuilder requestFor(Endpoint endpoint, String caller) {
        String path = endpoint.path().replace("{station}", station).replace("{team}", team)
                .replace("{colleague}", colleague);
        if (path.contains("{token}")) {
            path = path.replace("{token}", String.valueOf(tokenOf(caller)));
        }
        var request = request(endpoint.method(), path);
        if (endpoint.body() != null) {
            String body = endpoint.body().replace("{station}", station).replace("{new}", Fixtures.unique("ac-new-"));
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request;
    }

    private long tokenOf(String username) {
        AccountDetails owner = (AccountDetails) accounts.loadUserByUsername(username);
        return tokens.create(owner, "to revoke", 1).token().id();
    }

    /** One endpoint; {@code allowed} is null when it is open to everyone, signed in or not. */
    record Endpoint(HttpMethod method, String path, String body, Set<Role> allowed, int success) {

        boolean allows(Role role) {
            return allowed == null || allowed.contains(role);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
