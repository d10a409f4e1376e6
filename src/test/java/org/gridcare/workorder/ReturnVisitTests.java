package org.gridcare.workorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.workorder.WorkOrderWorld.admin;
import static org.gridcare.workorder.WorkOrderWorld.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Return visits through the API: verdicts, retries, refusals, escalation, the queue and bad input. */
@GridCareTest
@RecordApplicationEvents
class ReturnVisitTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired UserDetailsService accounts;

    private WorkOrderWorld world;

    @BeforeEach
    void world() {
        world = new WorkOrderWorld(fixtures, mvc, json);
    }

    @Test
    void aDissatisfiedRepairGoesBackToItsHandlerAndTheAttemptIsRecordedAndPublished() throws Exception {
        String number = reviewedRepair();
        JsonNode order = act(world.agent, number, Map.of("version", 6, "result", "DISSATISFIED",
                "aspects", List.of("QUALITY", "ATTITUDE"), "comment", "仍然经常停电"), 200);
        assertThat(order.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(order.get("handler").asString()).isEqualTo(world.crew);
        assertThat(order.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(timeline(order)).endsWith("VISIT", "REOPEN");

        JsonNode attempts = read(mvc.perform(get("/api/v1/work-orders/" + number + "/visits").with(as(world.agent))));
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("result").asString()).isEqualTo("DISSATISFIED");
        assertThat(attempts.get(0).get("finalVisit").asBoolean()).isTrue();
        assertThat(attempts.get(0).get("aspects").toString()).contains("QUALITY", "ATTITUDE");
        assertThat(events.stream(ReturnVisitRecorded.class).filter(e -> e.number().equals(number)))
                .singleElement().satisfies(e -> {
                    assertThat(e.result()).isEqualTo(VisitResult.DISSATISFIED);
                    assertThat(e.attempt()).isEqualTo(1);
                    assertThat(e.finalVisit()).isTrue();
                    assertThat(e.source()).isEqualTo(ReturnVisitRecorded.VisitSource.AGENT);
                });
        assertThat(ApiRequests.auditActions(mvc, "WorkOrder", number)).contains("WORK_ORDER_VISIT",
                "WORK_ORDER_REOPEN");
        // the handler works it again: accept, reply, review, and this time the customer is satisfied
        act(world.crew, number, "accept", Map.of("version", 7), 200);
        act(world.crew, number, "arrive", Map.of("version", 8), 200);
        act(world.crew, number, "restore", Map.of("version", 9), 200);
        act(world.crew, number, "reply", Map.of("version", 10, "replyText", "查明为线路老化，更换线路后已恢复供电"), 200);
        act(world.supervisor, number, "review", Map.of("version", 11, "approved", true), 200);
        order = act(world.agent, number, Map.of("version", 12, "result", "SATISFIED"), 200);
        assertThat(order.get("status").asString()).isEqualTo("VISITED");
        assertThat(order.get("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(jdbc.sql("select attempt from work_order_visit v join work_order o on o.id = v.order_id "
                + "where o.number = :n order by attempt").param("n", number).query(Integer.class).list())
                .containsExactly(1, 2);
    }

    @Test
    void aDissatisfiedComplaintIsEscalatedToTheUnitsSupervisors() throws Exception {
        String number = reviewedComplaint();
        JsonNode order = act(world.agent, number, Map.of("version", 4, "result", "DISSATISFIED",
                "aspects", List.of("EFFICIENCY")), 200);
        assertThat(order.get("status").asString()).isEqualTo("VISITED");
        assertThat(order.get("satisfaction").asString()).isEqualTo("DISSATISFIED");
        assertThat(jdbc.sql("select recipient_unit_id from work_order_notification where order_number = :n "
                        + "and kind = 'VISIT_ESCALATED' and recipient_unit_id is not null").param("n", number)
                .query(Long.class).list())
                .containsExactly(world.station.id().value());
        assertThat(ApiRequests.auditActions(mvc, "WorkOrder", number)).contains("WORK_ORDER_VISIT_ESCALATED");
        // the supervisor decides: reopen
        order = act(world.supervisor, number, "reopen", Map.of("version", 5, "reason", "重新核实"), 200);
        assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void anUnreachableCustomerIsTriedUpToTheLimitThenTheVisitClosesAsUnreachable() throws Exception {
        String number = reviewedRepair();
        JsonNode order = act(world.agent, number, Map.of("version", 6, "result", "UNREACHABLE"), 200);
        assertThat(order.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(order.get("actions").toString()).contains("visit").doesNotContain("close");
        assertThat(queue(world.agent)).contains(number);
        act(world.agent, number, "close", Map.of("version", 7), 409);
        order = act(world.agent, number, Map.of("version", 7, "result", "UNREACHABLE", "comment", "关机"), 200);
        assertThat(order.get("status").asString()).isEqualTo("REVIEWED");
        order = act(world.agent, number, Map.of("version", 8, "result", "UNREACHABLE"), 200);
        assertThat(order.get("status").asString()).isEqualTo("VISITED");
        assertThat(order.get("satisfaction").asString()).isEqualTo("UNREACHABLE");
        assertThat(queue(world.agent)).doesNotContain(number);
        JsonNode attempts = read(mvc.perform(get("/api/v1/work-orders/" + number + "/visits").with(as(world.agent))));
        List<Boolean> finals = new ArrayList<>();
        attempts.forEach(a -> finals.add(a.get("finalVisit").asBoolean()));
        assertThat(finals).containsExactly(false, false, true);
        Map<String, String> clocks = new java.util.HashMap<>();
        order.get("clocks").forEach(c -> clocks.put(c.get("name").asString(), c.get("state").asString()));
        assertThat(clocks).containsEntry("RETURN_VISIT", "MET");
        act(world.agent, number, "close", Map.of("version", 9), 200);
    }

    @Test
    void aRefusalEndsTheVisitAndTheOrderMayBeArchived() throws Exception {
        String number = reviewedComplaint();
        act(world.agent, number, "close", Map.of("version", 4), 409);
        JsonNode order = act(world.agent, number, Map.of("version", 4, "result", "REFUSED"), 200);
        assertThat(order.get("status").asString()).isEqualTo("VISITED");
        assertThat(order.get("satisfaction").asString()).isEqualTo("REFUSED");
        order = act(world.agent, number, "close", Map.of("version", 5), 200);
        assertThat(order.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void badVisitInputNamesTheFieldAndAStaleVersionIs409() throws Exception {
        String number = reviewedComplaint();
        assertProblem(visit(world.agent, number, Map.of("version", 4, "result", "HAPPY")), 400, "result");
        assertProblem(visit(world.agent, number, Map.of("version", 4)), 400, "result");
        assertProblem(visit(world.agent, number, Map.of("version", 4, "result", "SATISFIED",
                "aspects", List.of("QUALITY"))), 400, "aspects");
        assertProblem(visit(world.agent, number, Map.of("version", 4, "result", "DISSATISFIED")), 400, "aspects");
        assertProblem(visit(world.agent, number, Map.of("version", 4, "result", "DISSATISFIED",
                "aspects", List.of("PRICE"))), 400, "aspects[0]");
        assertProblem(visit(world.agent, number, Map.of("version", 3, "result", "SATISFIED")), 409);
        assertProblem(visit(world.crew, number, Map.of("version", 4, "result", "SATISFIED")), 409);
        assertThat(jdbc.sql("select count(*) from work_order_visit v join work_order o on o.id = v.order_id "
                + "where o.number = :n").param("n", number).query(Long.class).single()).isZero();
        act(world.agent, number, Map.of("version", 4, "result", "BASICALLY_SATISFIED",
                "aspects", List.of("EFFICIENCY")), 200);
    }

    @Test
    void aTypeThatNeedsNoVisitClosesAfterReviewAndMandatoryVisitsCannotBeTurnedOff() throws Exception {
        String number = world.order("OPINION", "OPINION", world.customer("上城区 8 号"));
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        act(world.crew, number, "accept", Map.of("version", 1), 200);
        act(world.crew, number, "reply", Map.of("version", 2, "replyText", "已采纳"), 200);
        act(world.supervisor, number, "review", Map.of("version", 3, "approved", true), 200);
        assertThat(queue(world.agent)).doesNotContain(number);
        act(world.agent, number, "close", Map.of("version", 4), 200);

        JsonNode complaint = setting("COMPLAINT");
        var off = mvc.perform(patch("/api/v1/return-visit-settings/COMPLAINT").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("visitNeeded", false,
                        "version", complaint.get("version").asInt())))).andReturn().getResponse();
        assertProblem(off, 400, "visitNeeded");
        var byAgent = mvc.perform(patch("/api/v1/return-visit-settings/OPINION").with(as(world.agent))
                .contentType(MediaType.APPLICATION_JSON).content("{\"maxAttempts\":2,\"version\":0}"))
                .andReturn().getResponse();
        assertThat(byAgent.getStatus()).isEqualTo(403);
    }

    @Test
    void theConsoleQueueListsTheOrderAndTheVisitFormShowsFieldErrors() throws Exception {
        String number = reviewedRepair();
        String queue = mvc.perform(get("/work-orders/visits").with(signedIn(world.agent))).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains("gc-visit-queue", number);
        String page = mvc.perform(get("/work-orders/" + number).with(signedIn(world.agent))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("gc-visit-form", "13900001111");
        String invalid = mvc.perform(post("/work-orders/" + number + "/visit").with(signedIn(world.agent)).with(csrf())
                .param("version", "6").param("result", "SATISFIED").param("aspects", "QUALITY"))
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("aspects-errors", "is-invalid");
        var done = mvc.perform(post("/work-orders/" + number + "/visit").with(signedIn(world.agent)).with(csrf())
                .param("version", "6").param("result", "UNREACHABLE").param("comment", "无人接听")).andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        page = mvc.perform(get("/work-orders/" + number).with(signedIn(world.agent))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("gc-order-visits", "未接通", "无人接听");
    }

    // ---- helpers

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private String reviewedRepair() throws Exception {
        String number = world.order("FAULT_REPAIR", "FAULT_REPAIR.NO_POWER", world.customer("西湖区 9 号"));
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        act(world.crew, number, "accept", Map.of("version", 1), 200);
        act(world.crew, number, "arrive", Map.of("version", 2), 200);
        act(world.crew, number, "restore", Map.of("version", 3), 200);
        act(world.crew, number, "reply", Map.of("version", 4, "replyText", "查明为表后开关跳闸，已恢复供电"), 200);
        act(world.supervisor, number, "review", Map.of("version", 5, "approved", true), 200);
        return number;
    }

    private String reviewedComplaint() throws Exception {
        String number = world.order("COMPLAINT", "COMPLAINT.SERVICE", world.customer("滨江区 7 号"));
        act(world.dispatcher, number, "dispatch", Map.of("version", 0, "handler", world.crew), 200);
        act(world.crew, number, "accept", Map.of("version", 1), 200);
        act(world.crew, number, "reply", Map.of("version", 2, "replyText", "经核实情况属实，已致歉并整改"), 200);
        act(world.supervisor, number, "review", Map.of("version", 3, "approved", true), 200);
        return number;
    }

    private JsonNode setting(String type) throws Exception {
        JsonNode all = read(mvc.perform(get("/api/v1/return-visit-settings").with(as(world.agent))));
        for (JsonNode s : all) {
            if (s.get("type").asString().equals(type)) {
                return s;
            }
        }
        throw new AssertionError("no setting for " + type);
    }

    private String queue(String user) throws Exception {
        return mvc.perform(get("/api/v1/return-visits").with(as(user)).param("size", "200")).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletResponse visit(String user, String number, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/work-orders/" + number + "/visit").with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn()
                .getResponse();
    }

    private JsonNode act(String user, String number, Map<String, Object> body, int expected) throws Exception {
        return act(user, number, "visit", body, expected);
    }

    private JsonNode act(String user, String number, String action, Map<String, Object> body, int expected)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/work-orders/" + number + "/" + action)
                .with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(action + " by " + user + ": " + response.getContentAsString())
                .isEqualTo(expected);
        return world.read(response.getContentAsString());
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return world.read(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> timeline(JsonNode order) {
        List<String> actions = new ArrayList<>();
        order.get("timeline").forEach(t -> actions.add(t.get("action").asString()));
        return actions;
    }

    private void assertProblem(MockHttpServletResponse response, int status, String... fields) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        JsonNode problem = world.read(response.getContentAsString());
        for (String field : fields) {
            List<String> named = new ArrayList<>();
            problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
            assertThat(named).contains(field);
        }
    }
}
