package org.gridcare.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.quality.InspectionKind;
import org.gridcare.quality.InspectionResultChanged;
import org.gridcare.sla.SlaBreached;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Rewards and penalties: proposals from events (a confirmed inspection error, its overturning, a breached clock),
 * records entered by hand, a manager's approval, and the ledger each staff member sees of their own.
 */
@GridCareTest
class IncentiveTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired UserDetailsService accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private OrgUnit station;
    private String agent, otherAgent, supervisor, manager;

    @BeforeEach
    void world() {
        fixtures.root();
        OrgUnit city = fixtures.unit(Fixtures.unique("IC"), OrgUnitKind.CITY_COMPANY, "HQ");
        station = fixtures.unit(Fixtures.unique("IS"), OrgUnitKind.SUPPLY_STATION, city.code());
        agent = staff("iag", station, Role.AGENT);
        otherAgent = staff("iag2", station, Role.AGENT);
        supervisor = staff("isup", city, Role.SUPERVISOR);
        manager = staff("imgr", city, Role.MANAGER);
    }

    @Test
    void aConfirmedInspectionErrorIsProposedApprovedByAManagerAndEntersOnlyItsStaffMembersLedger() throws Exception {
        long inspection = System.nanoTime() % 1_000_000_000L;
        Instant at = Instant.parse("2025-05-06T02:00:00Z");
        publish(new InspectionResultChanged(inspection, InspectionKind.ORDER, null, "N1", agent, station.id().value(),
                true, true, false, new BigDecimal("75.00"), false, at));
        // a second delivery of the same result proposes nothing new
        publish(new InspectionResultChanged(inspection, InspectionKind.ORDER, null, "N1", agent, station.id().value(),
                true, true, false, new BigDecimal("75.00"), false, at));
        JsonNode proposals = call(get("/api/v1/incentives/records").param("staff", agent).with(as(manager)), null, 200);
        assertThat(proposals.get("total").asInt()).isEqualTo(1);
        JsonNode proposal = proposals.get("items").get(0);
        assertThat(proposal.get("causeType").asString()).isEqualTo("INSPECTION_SERIOUS_ERROR");
        assertThat(proposal.get("causeRef").asString()).isEqualTo("inspection:" + inspection);
        assertThat(proposal.get("points").asInt()).isEqualTo(-5);
        assertThat(proposal.get("amount").decimalValue()).isEqualByComparingTo("-200.00");
        assertThat(proposal.get("status").asString()).isEqualTo("PROPOSED");
        long id = proposal.get("id").asLong();

        // not yet in the ledger; a supervisor cannot approve, the manager can (rejecting needs a note)
        assertThat(ledger(agent, agent).get("points").asInt()).isZero();
        assertThat(ledger(agent, agent).get("pending").asInt()).isEqualTo(1);
        call(post("/api/v1/incentives/records/" + id + "/approve").with(as(supervisor)), Map.of("version", 0), 403);
        assertProblem(call(post("/api/v1/incentives/records/" + id + "/reject").with(as(manager)),
                Map.of("version", 0), 400), "note");
        call(post("/api/v1/incentives/records/" + id + "/approve").with(as(manager)), Map.of("version", 5), 409);
        JsonNode approved = call(post("/api/v1/incentives/records/" + id + "/approve").with(as(manager)),
                Map.of("version", 0, "note", "属实"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        call(post("/api/v1/incentives/records/" + id + "/approve").with(as(manager)), Map.of("version", 1), 409);

        // a manual training reward for the same agent, approved: the ledger adds up both
        JsonNode training = call(post("/api/v1/incentives/records").with(as(supervisor)), Map.of("staffUsername", agent,
                "causeType", "TRAINING_RESULT", "causeRef", "培训 2025-05 电价政策", "occurredAt",
                "2025-05-20T02:00:00Z"), 201);
        call(post("/api/v1/incentives/records/" + training.get("id").asLong() + "/approve").with(as(manager)),
                Map.of("version", 0), 200);
        JsonNode ledger = ledger(agent, agent);
        assertThat(ledger.get("points").asInt()).isEqualTo(-4);                      // −5 + 1
        assertThat(ledger.get("amount").decimalValue()).isEqualByComparingTo("-200.00"); // −200 + 0
        assertThat(ledger.get("penalties").asInt()).isEqualTo(1);
        assertThat(ledger.get("rewards").asInt()).isEqualTo(1);
        assertThat(ledger.get("entries")).hasSize(2);

        // staff see only their own records and ledger
        call(get("/api/v1/incentives/ledger").param("staff", agent).param("from", "2025-05-01")
                .param("to", "2025-05-31").with(as(otherAgent)), null, 404);
        call(get("/api/v1/incentives/records/" + id).with(as(otherAgent)), null, 404);
        assertThat(call(get("/api/v1/incentives/records").with(as(otherAgent)), null, 200).get("total").asInt())
                .isZero();
        assertThat(ledger(agent, manager).get("points").asInt()).isEqualTo(-4);
        assertThat(ApiRequests.auditActions(mvc, "IncentiveRecord", String.valueOf(id)))
                .contains("INCENTIVE_PROPOSED", "INCENTIVE_APPROVED");

        // the appeal overturns the finding: the approved penalty is reversed by a proposal of the opposite figures
        publish(new InspectionResultChanged(inspection, InspectionKind.ORDER, null, "N1", agent, station.id().value(),
                false, false, true, new BigDecimal("100.00"), true, at.plusSeconds(86_400)));
        JsonNode reversal = call(get("/api/v1/incentives/records").param("staff", agent).param("status", "PROPOSED")
                .with(as(manager)), null, 200).get("items").get(0);
        assertThat(reversal.get("causeRef").asString()).isEqualTo("inspection:" + inspection + ":reversal");
        assertThat(reversal.get("points").asInt()).isEqualTo(5);
        assertThat(reversal.get("amount").decimalValue()).isEqualByComparingTo("200.00");
    }

    @Test
    void anOverturnedFindingWithdrawsItsProposalAndABreachIsChargedToTheOrdersTaker() throws Exception {
        long inspection = System.nanoTime() % 1_000_000_000L + 7;
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        publish(new InspectionResultChanged(inspection, InspectionKind.ORDER, null, "N2", otherAgent,
                station.id().value(), true, false, false, new BigDecimal("80.00"), false, at));
        publish(new InspectionResultChanged(inspection, InspectionKind.ORDER, null, "N2", otherAgent,
                station.id().value(), false, false, true, new BigDecimal("100.00"), true, at));
        JsonNode records = call(get("/api/v1/incentives/records").param("staff", otherAgent).with(as(manager)), null,
                200);
        assertThat(records.get("items").get(0).get("status").asString()).isEqualTo("WITHDRAWN");

        String customer = "36" + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        call(post("/api/v1/customers").with(asAdmin()), Map.of("number", customer, "name", "客户", "kind",
                "RESIDENTIAL", "voltageLevel", "AC220V", "address", "奖惩路 1 号", "phone", "13812345678",
                "unitCode", station.code()), 201);
        JsonNode order = call(post("/api/v1/work-orders").with(as(otherAgent)), Map.of("type", "CONSULTATION",
                "category", "CONSULTATION.TARIFF", "channel", "HOTLINE_95598", "priority", "NORMAL",
                "customerNumber", customer, "callerName", "王五", "callerPhone", "13900002222", "description", "x"), 201);
        long orderId = transactions.execute(s -> jdbcOrderId(order.get("number").asString()));
        publish(new SlaBreached(orderId, "FIRST_RESPONSE", at, at.plusSeconds(60)));
        JsonNode breach = call(get("/api/v1/incentives/records").param("causeType", "SLA_BREACH")
                .param("staff", otherAgent).with(as(manager)), null, 200);
        assertThat(breach.get("total").asInt()).isEqualTo(1);
        assertThat(breach.get("items").get(0).get("causeRef").asString())
                .isEqualTo(order.get("number").asString() + ":FIRST_RESPONSE");
        assertThat(breach.get("items").get(0).get("points").asInt()).isEqualTo(-1);
    }

    @Test
    void rulesAreChangedByManagersAndTheConsoleShowsTheLedgerAndTheApprovalQueue() throws Exception {
        JsonNode rules = call(get("/api/v1/incentives/rules").with(as(agent)), null, 200);
        JsonNode other = null;
        for (JsonNode r : rules) {
            if (r.get("causeType").asString().equals("OTHER")) {
                other = r;
            }
        }
        assertThat(other).isNotNull();
        call(put("/api/v1/incentives/rules/OTHER").with(as(supervisor)), Map.of("version", 0, "points", 1,
                "amount", "1.00"), 403);
        assertProblem(call(put("/api/v1/incentives/rules/OTHER").with(as(manager)), Map.of("version",
                other.get("version").asInt(), "points", 1, "amount", "1.005"), 400), "amount");
        assertProblem(call(post("/api/v1/incentives/records").with(as(supervisor)), Map.of("staffUsername", agent,
                "causeType", "OTHER", "causeRef", "x"), 400), "points");
        assertProblem(call(post("/api/v1/incentives/records").with(as(supervisor)), Map.of("staffUsername",
                "nobody-" + agent, "causeType", "TRAINING_RESULT", "causeRef", "x"), 400), "staffUsername");
        call(post("/api/v1/incentives/records").with(as(agent)), Map.of("staffUsername", otherAgent,
                "causeType", "TRAINING_RESULT", "causeRef", "x"), 403);

        JsonNode proposal = call(post("/api/v1/incentives/records").with(as(supervisor)), Map.of("staffUsername", agent,
                "causeType", "OTHER", "causeRef", "抢险表现突出", "points", 3, "amount", "300.00"), 201);
        var managerSession = user(accounts.loadUserByUsername(manager));
        String queue = mvc.perform(get("/incentives").param("status", "PROPOSED").with(managerSession)).andReturn()
                .getResponse().getContentAsString();
        assertThat(queue).contains("gc-incentive-table", "抢险表现突出", "gc-approve-" + proposal.get("id").asLong());
        MockHttpServletResponse approved = mvc.perform(post("/incentives/" + proposal.get("id").asLong() + "/approve")
                .with(managerSession).with(csrf()).param("version", "0")).andReturn().getResponse();
        assertThat(approved.getStatus()).isEqualTo(302);
        String ledgerPage = mvc.perform(get("/incentives/ledger").with(user(accounts.loadUserByUsername(agent))))
                .andReturn().getResponse().getContentAsString();
        assertThat(ledgerPage).contains("gc-ledger-table", "抢险表现突出", "300.00");
    }

    // ---- helpers

    private Long jdbcOrderId(String number) {
        return jdbc.sql("select order_id from wo_kpi_source where number = :n").param("n", number).query(Long.class)
                .single();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(s -> events.publishEvent(event));
    }

    private JsonNode ledger(String staff, String as) throws Exception {
        return call(get("/api/v1/incentives/ledger").param("staff", staff).param("from", "2025-01-01")
                .param("to", "2025-12-31").with(as(as)), null, 200);
    }

    private String staff(String prefix, OrgUnit unit, Role... roles) {
        String name = Fixtures.unique(prefix);
        fixtures.user(name, unit.code(), roles);
        return name;
    }

    private JsonNode call(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new HashMap<>(
                    (Map<?, ?>) body)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(request + " → " + content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }

    private void assertProblem(JsonNode problem, String field) {
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).contains(field);
    }
}
