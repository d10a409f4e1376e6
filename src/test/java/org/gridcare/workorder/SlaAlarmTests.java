package org.gridcare.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.sla.SlaBreached;
import org.gridcare.sla.SlaWarningRaised;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridcare.workorder.WorkOrderWorld.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The SLA scheduler's warnings and breaches turn orders amber and red and reach the handler and the supervisors. */
@GridCareTest
class SlaAlarmTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;

    @Test
    void aWarningMarksTheOrderAmberAndABreachRedAndBothNotifyHandlerAndSupervisors() throws Exception {
        WorkOrderWorld world = new WorkOrderWorld(fixtures, mvc, json);
        String number = world.order("COMPLAINT", "COMPLAINT.QUALITY", world.customer("淳安县 13 号"));
        mvc.perform(post("/api/v1/work-orders/" + number + "/dispatch").with(as(world.dispatcher))
                .contentType("application/json").content(json.writeValueAsString(
                        Map.of("version", 0, "handler", world.crew))));
        long id = jdbc.sql("select id from work_order where number = :n").param("n", number).query(Long.class)
                .single();
        Instant due = Instant.now().plus(Duration.ofHours(2));

        transactions.executeWithoutResult(s -> events.publishEvent(new SlaWarningRaised(id, "CONTACT", due,
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> slaState(world, number).equals("WARNING"));
        assertThat(queue(world.crew, "warning")).isEqualTo(1);

        transactions.executeWithoutResult(s -> events.publishEvent(new SlaBreached(id, "CONTACT", due,
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> slaState(world, number).equals("BREACHED"));
        assertThat(queue(world.supervisor, "overdue")).isEqualTo(1);

        String crewInbox = mvc.perform(get("/work-orders/inbox").with(user(accounts.loadUserByUsername(world.crew)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(crewInbox).contains(number, "即将超时", "已超时");
        String supervisorInbox = mvc.perform(get("/work-orders/inbox")
                .with(user(accounts.loadUserByUsername(world.supervisor)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(supervisorInbox).contains(number, "已超时");

        // a cancelled order keeps its red mark as history but leaves the overdue queue
        int version = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.supervisor)))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        mvc.perform(post("/api/v1/work-orders/" + number + "/cancel").with(as(world.supervisor))
                        .contentType("application/json").content(json.writeValueAsString(
                                Map.of("version", version, "reason", "客户撤诉"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        assertThat(slaState(world, number)).isEqualTo("BREACHED");
        assertThat(queue(world.supervisor, "overdue")).isZero();
        assertThat(mvc.perform(get("/api/v1/work-orders?overdue=true&size=200").with(as(world.supervisor)))
                .andReturn().getResponse().getContentAsString()).doesNotContain(number);
    }

    private String slaState(WorkOrderWorld world, String number) throws Exception {
        JsonNode order = world.read(mvc.perform(get("/api/v1/work-orders/" + number).with(as(world.supervisor)))
                .andReturn().getResponse().getContentAsString());
        return order.get("slaState").asString();
    }

    private long queue(String user, String name) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/work-order-queues").with(as(user))).andReturn().getResponse()
                .getContentAsString()).get(name).asLong();
    }
}
