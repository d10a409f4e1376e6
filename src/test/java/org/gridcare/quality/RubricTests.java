package org.gridcare.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.workorder.WorkOrderType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rubric versions: the seeded defaults, drafts, publication with an effective moment that supersedes the version in
 * force, and the publish API the standards module calls. Publications lie in the 2090s on OPINION so that no other
 * test's rubric in force changes.
 */
@GridCareTest
class RubricTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Rubrics rubrics;
    @Autowired MutableClock clock;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyOrderTypeHasASeededRubricOfOneHundredPointsInForce() {
        for (WorkOrderType type : WorkOrderType.values()) {
            RubricVersion v = rubrics.inForce(type, Instant.parse("2025-03-01T00:00:00Z")).orElseThrow();
            assertThat(v.totalPoints()).as(type.name()).isEqualByComparingTo("100");
            assertThat(v.items()).extracting(RubricVersion.Item::code).contains("GREETING", "NO_FORBIDDEN");
            assertThat(v.items()).filteredOn(i -> i.code().equals("NO_FORBIDDEN")).first()
                    .extracting(RubricVersion.Item::severity).isEqualTo(FindingSeverity.SERIOUS_ERROR);
        }
    }

    @Test
    void aPublishedVersionSupersedesTheCurrentOneFromItsEffectiveMomentAndKeepsItsSource() throws Exception {
        clock.set(Instant.parse("2090-01-01T00:00:00Z"));
        RubricVersion before = rubrics.inForce(WorkOrderType.OPINION, null).orElseThrow();
        Instant effective = Instant.parse("2090-02-01T00:00:00Z");
        RubricVersion published = rubrics.publish(opinion("意见建议质检标准（标准 GC-S-12 第 3 条）"), effective,
                "GC-S-12 v2 §3", Fixtures.TestActor.of(0, "mgr", 0, Role.MANAGER));
        assertThat(published.status()).isEqualTo(RubricStatus.PUBLISHED);
        assertThat(published.sourceStandardRef()).isEqualTo("GC-S-12 v2 §3");
        assertThat(published.totalPoints()).isEqualByComparingTo("30.50");
        RubricVersion old = rubrics.get(before.id());
        assertThat(old.status()).isEqualTo(RubricStatus.SUPERSEDED);
        assertThat(old.supersededAt()).isEqualTo(effective);
        assertThat(rubrics.inForce(WorkOrderType.OPINION, Instant.parse("2090-01-31T23:59:59Z")).orElseThrow().id())
                .isEqualTo(before.id());
        assertThat(rubrics.inForce(WorkOrderType.OPINION, effective).orElseThrow().id()).isEqualTo(published.id());
        // not before the version just published, never in the past, never by a supervisor
        assertThatThrownBy(() -> rubrics.publish(opinion("x"), Instant.parse("2090-01-15T00:00:00Z"), null,
                Fixtures.admin())).isInstanceOf(org.gridcare.shared.InvalidInputException.class);
        assertThatThrownBy(() -> rubrics.publish(opinion("x"), Instant.parse("2089-01-15T00:00:00Z"), null,
                Fixtures.admin())).isInstanceOf(org.gridcare.shared.InvalidInputException.class);
        assertThatThrownBy(() -> rubrics.publish(opinion("x"), null, null,
                Fixtures.TestActor.of(0, "sup", 0, Role.SUPERVISOR))).isInstanceOf(AccessDeniedException.class);
        assertThat(ApiRequests.auditActions(mvc, "RubricVersion", String.valueOf(published.id())))
                .contains("RUBRIC_PUBLISHED");
    }

    @Test
    void draftsAreEditedThroughTheApiWithProblemsNamingTheFieldAndThenPublished() throws Exception {
        clock.set(Instant.parse("2095-01-01T00:00:00Z"));
        String manager = Fixtures.unique("rmgr");
        String inspector = Fixtures.unique("rinsp");
        fixtures.root();
        fixtures.user(manager, "HQ", Role.MANAGER);
        fixtures.user(inspector, "HQ", Role.INSPECTOR);
        Map<String, Object> body = Map.of("orderType", "OPINION", "title", "草稿", "items", List.of(
                Map.of("code", "GREETING", "name", "规范用语", "points", "40", "severity", "ERROR"),
                Map.of("code", "REPLY", "name", "答复", "points", "60", "severity", "SERIOUS_ERROR")));
        assertThat(call(post("/api/v1/quality/rubrics").with(as(inspector)), body).getStatus()).isEqualTo(403);
        assertProblem(call(post("/api/v1/quality/rubrics").with(as(manager)), Map.of("orderType", "OPINION",
                "title", "x", "items", List.of(Map.of("code", "bad code", "name", "x", "points", "1",
                        "severity", "ERROR")))), 400, "items[0].code");
        assertProblem(call(post("/api/v1/quality/rubrics").with(as(manager)), Map.of("orderType", "OPINION",
                "title", "x", "items", List.of(Map.of("code", "A", "name", "x", "points", "0", "severity",
                        "ERROR")))), 400, "items[0].points");
        assertProblem(call(post("/api/v1/quality/rubrics").with(as(manager)), Map.of("orderType", "NOPE",
                "title", "x", "items", List.of())), 400, "orderType");
        MockHttpServletResponse created = call(post("/api/v1/quality/rubrics").with(as(manager)), body);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode draft = json.readTree(created.getContentAsString());
        long id = draft.get("id").asLong();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("totalPoints").decimalValue()).isEqualByComparingTo("100");
        assertProblem(call(post("/api/v1/quality/rubrics/" + id + "/publish").with(as(manager)),
                Map.of("version", 0, "effectiveFrom", "2094-01-01T00:00:00Z")), 400, "effectiveFrom");
        assertThat(call(post("/api/v1/quality/rubrics/" + id + "/publish").with(as(manager)),
                Map.of("version", 7)).getStatus()).isEqualTo(409);
        MockHttpServletResponse published = call(post("/api/v1/quality/rubrics/" + id + "/publish").with(as(manager)),
                Map.of("version", 0, "effectiveFrom", "2095-06-01T00:00:00Z"));
        assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(200);
        assertThat(call(post("/api/v1/quality/rubrics/" + id + "/publish").with(as(manager)),
                Map.of("version", 1)).getStatus()).isEqualTo(409);
        JsonNode inForce = json.readTree(mvc.perform(get("/api/v1/quality/rubrics/in-force")
                .param("orderType", "OPINION").param("at", "2095-07-01T00:00:00Z").with(as(inspector)))
                .andReturn().getResponse().getContentAsString());
        assertThat(inForce.get("id").asLong()).isEqualTo(id);
        String page = mvc.perform(get("/quality/rubrics").param("type", "OPINION")
                .with(user(accounts.loadUserByUsername(inspector)))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("gc-rubric-table", "GC-S-12 v2 §3", "/quality/rubrics/" + id)
                .doesNotContain("gc-new-rubric");
    }

    private static NewRubricVersion opinion(String title) {
        return new NewRubricVersion(WorkOrderType.OPINION, title, null, List.of(
                new NewRubricVersion.Item("GREETING", "规范用语", "Greeting", null, new BigDecimal("10.25"),
                        FindingSeverity.ERROR),
                new NewRubricVersion.Item("CONFIDENTIAL", "信息保密", null, null, new BigDecimal("20.25"),
                        FindingSeverity.SERIOUS_ERROR)));
    }

    private MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
                                                 request, Object body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse();
    }

    private void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        List<String> named = new ArrayList<>();
        json.readTree(response.getContentAsString()).get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(field);
    }
}
