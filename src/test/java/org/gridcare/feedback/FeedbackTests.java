package org.gridcare.feedback;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Service feedback: its lifecycle with reasons, the working-day response clock, scope, masking and bad input. */
@GridCareTest
class FeedbackTests {

    /** Friday 2026-03-06 10:00 Beijing time: five working days later is the end of Friday 2026-03-13. */
    private static final Instant FRIDAY = Instant.parse("2026-03-06T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService accounts;

    private OrgUnit station;
    private String agent;
    private String outsider;

    @BeforeEach
    void world() {
        fixtures.root();
        String city = Fixtures.unique("FC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("FS"), OrgUnitKind.SUPPLY_STATION, city);
        OrgUnit other = fixtures.unit(Fixtures.unique("FO"), OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("fagent");
        outsider = Fixtures.unique("fout");
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(outsider, other.code(), Role.AGENT);
        clock.set(FRIDAY);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aFeedbackIsHandledRespondedAndClosedWithItsResponseClockInWorkingDays() throws Exception {
        JsonNode created = create(Map.of("channel", "COUNTER", "category", "ATTITUDE", "sentiment", "NEGATIVE",
                "contactName", "钱七", "contactPhone", "13655556666", "description", "营业厅窗口人员态度冷淡"), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("status").asString()).isEqualTo("NEW");
        assertThat(created.get("unitCode").asString()).isEqualTo(station.code());
        assertThat(created.get("contactPhone").asString()).isEqualTo("136****6666");
        assertThat(Instant.parse(created.get("dueAt").asString())).isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));

        assertThat(act(id, "respond", Map.of("version", 0, "response", "x"), 409).get("status").asInt()).isEqualTo(409);
        act(id, "start", Map.of("version", 0), 200);
        assertProblem(mvc.perform(ApiRequests.postJson("/api/v1/feedback/" + id + "/respond", "{\"version\":1}")
                .with(as(agent))).andReturn().getResponse(), 400, "response");
        clock.advance(Duration.ofDays(8));
        assertThat(list("overdue=true")).contains(id);
        JsonNode responded = act(id, "respond", Map.of("version", 1, "response", "已约谈当事员工并致歉"), 200);
        assertThat(responded.get("status").asString()).isEqualTo("RESPONDED");
        assertThat(responded.get("overdue").asBoolean()).as("answered after the due time").isTrue();
        assertThat(list("overdue=true")).doesNotContain(id);
        act(id, "reopen", Map.of("version", 2), 400);
        act(id, "reopen", Map.of("version", 2, "reason", "客户仍不满意"), 200);
        act(id, "respond", Map.of("version", 3, "response", "营业厅主任上门致歉"), 200);
        JsonNode closed = act(id, "close", Map.of("version", 4), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        List<String> history = new ArrayList<>();
        closed.get("history").forEach(e -> history.add(e.get("action").asString()));
        assertThat(history).containsExactly("CREATE", "START", "RESPOND", "REOPEN", "RESPOND", "CLOSE");
        assertThat(ApiRequests.auditActions(mvc, "Feedback", String.valueOf(id))).contains("FEEDBACK_CREATED",
                "FEEDBACK_START", "FEEDBACK_RESPOND", "FEEDBACK_REOPEN", "FEEDBACK_CLOSE");

        var asAdminView = json.readTree(mvc.perform(get("/api/v1/feedback/" + id).with(asAdmin())).andReturn()
                .getResponse().getContentAsString());
        assertThat(asAdminView.get("contactPhone").asString()).isEqualTo("13655556666");
        assertThat(ApiRequests.auditActions(mvc, "Feedback", String.valueOf(id))).contains("FEEDBACK_CONTACT_VIEWED");
        assertThat(mvc.perform(get("/api/v1/feedback/" + id).with(as(outsider))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void badInputNamesTheFieldAndClosingUnansweredNeedsAReason() throws Exception {
        assertProblem(createResponse(Map.of("channel", "FAX", "category", "OTHER", "sentiment", "NEUTRAL",
                "description", "x")), 400, "channel");
        assertProblem(createResponse(Map.of("channel", "PHONE", "category", "OTHER", "sentiment", "NEUTRAL")), 400,
                "description");
        assertProblem(createResponse(Map.of("channel", "PHONE", "category", "OTHER", "sentiment", "NEUTRAL",
                "description", "x", "customerNumber", "3399999999999")), 400, "customerNumber");
        assertProblem(createResponse(Map.of("channel", "PHONE", "category", "OTHER", "sentiment", "NEUTRAL",
                "description", "x", "staffUsername", "nobody-here")), 400, "staffUsername");
        assertProblem(createResponse(Map.of("channel", "PHONE", "category", "OTHER", "sentiment", "NEUTRAL",
                "description", "x", "contactPhone", "call me")), 400, "contactPhone");
        assertProblem(createResponse(Map.of("channel", "PHONE", "category", "OTHER", "sentiment", "NEUTRAL",
                "description", "x", "unitCode", "HQ")), 400, "unitCode");
        long id = create(Map.of("channel", "EMAIL", "category", "EFFICIENCY", "sentiment", "POSITIVE",
                "description", "抢修很快，表扬"), 201).get("id").asLong();
        act(id, "close", Map.of("version", 0), 400);
        act(id, "close", Map.of("version", 1, "reason", "x"), 409);
        act(id, "explode", Map.of("version", 0), 404);
        assertThat(act(id, "close", Map.of("version", 0, "reason", "表扬已转达，无需答复"), 200).get("status")
                .asString()).isEqualTo("CLOSED");
        assertThat(mvc.perform(get("/api/v1/feedback").param("status", "LOST").with(as(agent))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theConsoleListsCreatesAndMovesAFeedback() throws Exception {
        var signedIn = user(accounts.loadUserByUsername(agent));
        assertThat(mvc.perform(get("/feedback/new").with(signedIn)).andReturn().getResponse().getContentAsString())
                .contains("gc-feedback-form");
        String invalid = mvc.perform(post("/feedback/new").with(signedIn).with(csrf()).param("channel", "PHONE")
                .param("category", "QUALITY")).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("is-invalid", "description-errors", "sentiment-errors");
        MockHttpServletResponse saved = mvc.perform(post("/feedback/new").with(signedIn).with(csrf())
                .param("channel", "PHONE").param("category", "QUALITY").param("sentiment", "NEGATIVE")
                .param("contactPhone", "13911112222").param("description", "电压不稳")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        String location = saved.getRedirectedUrl();
        String page = mvc.perform(get(location).with(signedIn)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("gc-feedback-start", "139****2222").doesNotContain("13911112222");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post(location + "/start").with(signedIn).with(csrf()).param("version", "0"));
        var refused = mvc.perform(post(location + "/respond").with(signedIn).with(csrf()).param("version", "1"))
                .andReturn();
        assertThat((String) refused.getFlashMap().get("actionError")).contains("必填");
        page = mvc.perform(get(location).with(signedIn).flashAttr("actionError", "x")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("gc-action-error", "gc-feedback-respond");
        String list = mvc.perform(get("/feedback").with(signedIn).param("status", "IN_HANDLING")).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("gc-feedback-table", "/feedback/" + id);
    }

    // ---- helpers

    private JsonNode create(Map<String, Object> body, int expected) throws Exception {
        MockHttpServletResponse response = createResponse(body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse createResponse(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/feedback").with(as(agent)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode act(long id, String action, Map<String, Object> body, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/feedback/" + id + "/" + action).with(as(agent))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new HashMap<>(body))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(action + ": " + response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }

    private List<Long> list(String query) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/feedback?size=200&" + query).with(as(agent)))
                .andReturn().getResponse().getContentAsString());
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        List<String> named = new ArrayList<>();
        json.readTree(response.getContentAsString()).get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(field);
    }
}
