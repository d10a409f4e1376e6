package org.gridcare.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The KPI facts are refreshed after the change commits, from the queue {@code kpi_fact_pending}: a change writes a
 * note in its own transaction, never the facts; the queue's refresh takes notes oldest first up to a limit; and a
 * report refreshes every note committed before it, so it counts the change at once.
 */
@GridCareTest
class KpiFactQueueTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;
    @Autowired KpiFacts facts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIntakeQueuesItsFactsAndAReportRefreshesThemBeforeReading() throws Exception {
        KpiWorld world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customer = world.customer(world.stationA);
        world.at("2025-05-06T10:00");
        String number;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, KpiFacts.REFRESH_LOCK);   // held here, no refresh can run
                lock.execute();
            }
            // no refresh can run now; the intake does not wait for one (it only writes a note)
            number = world.order(CONSULTATION, "CONSULTATION.TARIFF", customer);
            long id = orderId(number);
            assertThat(jdbc.sql("select count(*) from kpi_order_fact where order_id = :id").param("id", id)
                    .query(Long.class).single()).as("no facts yet").isZero();
            assertThat(jdbc.sql("select count(*) from kpi_fact_pending where order_id = :id").param("id", id)
                    .query(Long.class).single()).as("one note").isOne();
            holder.rollback();
        }
        JsonNode kpis = report(world).get("kpis");
        assertThat(KpiWorld.kpiValue(kpis, "ORDERS_RECEIVED", "numerator")).as("the report refreshed the queued order first").isEqualTo("1");
        long id = orderId(number);
        assertThat(jdbc.sql("select status from kpi_order_fact where order_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from kpi_fact_pending where order_id = :id").param("id", id)
                .query(Long.class).single()).as("the note is taken off the queue").isZero();

        // a transition's note is refreshed the same way
        world.act(number, "cancel", world.agent, "reason", "客户撤回");
        report(world);
        assertThat(jdbc.sql("select status from kpi_order_fact where order_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void theQueueIsRefreshedOldestFirstUpToTheNoteAsked() throws Exception {
        KpiWorld world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customer = world.customer(world.stationB);
        world.at("2025-05-07T10:00");
        long first = orderId(world.order(CONSULTATION, "CONSULTATION.TARIFF", customer));
        long second = orderId(world.order(CONSULTATION, "CONSULTATION.OTHER", customer));
        report(world);   // both refreshed
        transactions.executeWithoutResult(status -> {
            // stale facts for both orders, each noted (in this uncommitted transaction: no other refresh sees them)
            jdbc.sql("update kpi_order_fact set handler = 'stale' where order_id in (:a, :b)")
                    .param("a", first).param("b", second).update();
            note(first);
            long firstNote = facts.lastPending();
            note(second);
            assertThat(facts.refreshPending(firstNote, FactRefresher.BATCH)).as("the first note, maybe others' before")
                    .isPositive();
            assertThat(handler(first)).isNotEqualTo("stale");
            assertThat(handler(second)).as("noted after the limit: not refreshed").isEqualTo("stale");
            assertThat(jdbc.sql("select count(*) from kpi_fact_pending where order_id = :b").param("b", second)
                    .query(Long.class).single()).isOne();
            assertThat(facts.refreshPending(Long.MAX_VALUE, 1)).as("a batch of one").isOne();
            int rest;
            do {
                rest = facts.refreshPending(Long.MAX_VALUE, FactRefresher.BATCH);
            } while (rest == FactRefresher.BATCH);
            assertThat(handler(second)).isNotEqualTo("stale");
            assertThat(jdbc.sql("select count(*) from kpi_fact_pending where order_id in (:a, :b)")
                    .param("a", first).param("b", second).query(Long.class).single()).isZero();
            status.setRollbackOnly();
        });
    }

    /** Queues an order's facts as a change does, but at once (in this transaction, not at its commit). */
    private void note(long orderId) {
        jdbc.sql("insert into kpi_fact_pending (order_id) values (:id)").param("id", orderId).update();
    }

    private String handler(long orderId) {
        return jdbc.sql("select coalesce(handler, '') from kpi_order_fact where order_id = :id").param("id", orderId)
                .query(String.class).single();
    }

    private long orderId(String number) {
        return jdbc.sql("select id from work_order where number = :n").param("n", number).query(Long.class).single();
    }

    private JsonNode report(KpiWorld world) throws Exception {
        var response = mvc.perform(get("/api/v1/kpis").with(as(world.manager)).param("from", "2025-05-01")
                .param("to", "2025-05-31").param("unit", world.city.code())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return world.read(response);
    }
}
