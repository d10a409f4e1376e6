package org.gridcare.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.shared.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk loader of historic orders: a loaded history ends exactly where the same history taken live through
 * the API ends — status, timeline and every SLA clock — and a history the lifecycle forbids is refused whole.
 */
@GridCareTest
class HistoricOrdersTests {

    /** Monday 2 March 2026, 09:00 in Shanghai: a plain working week follows. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    WorkOrders orders;
    @Autowired
    HistoricOrders historic;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLoadedComplaintEndsWithTheClocksAndTimelineOfTheSameComplaintTakenLive() throws Exception {
        var world = new WorkOrderWorld(fixtures, mvc, json);
        String customer = world.customer("滨江市东湖区解放路1号");
        OrgUnit station = world.station;
        Actor agent = Fixtures.TestActor.of(1, world.agent, station.id().value(), Role.AGENT);
        Actor dispatcher = Fixtures.TestActor.of(2, world.dispatcher, station.id().value(), Role.DISPATCHER);
        Actor crew = Fixtures.TestActor.of(3, world.crew, station.id().value(), Role.FIELD_STAFF);
        Actor supervisor = Fixtures.TestActor.of(4, world.supervisor, station.id().value(), Role.SUPERVISOR);
        // suspended for a day (the reply clock pauses), replied late on Tuesday of the next week
        List<HistoricOrder.Step> steps = List.of(
                HistoricOrder.Step.dispatch(world.crew, world.dispatcher, MONDAY.plus(Duration.ofHours(1))),
                HistoricOrder.Step.of(Action.ACCEPT, world.crew, MONDAY.plus(Duration.ofHours(3)), null),
                HistoricOrder.Step.of(Action.SUSPEND, world.supervisor, MONDAY.plus(Duration.ofDays(1)), "等待材料"),
                HistoricOrder.Step.of(Action.RESUME, world.supervisor, MONDAY.plus(Duration.ofDays(2)), "已提供"),
                HistoricOrder.Step.reply("经核实情况属实，已处理并致歉", "已解决", world.crew, MONDAY.plus(Duration.ofDays(8))),
                HistoricOrder.Step.review(true, null, world.supervisor, MONDAY.plus(Duration.ofDays(8).plusHours(1))),
                HistoricOrder.Step.visit(new HistoricOrder.Visit(VisitResult.UNREACHABLE, Set.of(), null,
                        ReturnVisitRecorded.VisitSource.AGENT), null, world.agent,
                        MONDAY.plus(Duration.ofDays(8).plusHours(2))),
                HistoricOrder.Step.visit(new HistoricOrder.Visit(VisitResult.SATISFIED, Set.of(), null,
                        ReturnVisitRecorded.VisitSource.AGENT), "满意", world.agent,
                        MONDAY.plus(Duration.ofDays(8).plusHours(3))),
                HistoricOrder.Step.close(null, world.agent, MONDAY.plus(Duration.ofDays(8).plusHours(4))));

        clock.set(MONDAY);
        String live = orders.create(new NewWorkOrder(WorkOrderType.COMPLAINT, null, "COMPLAINT.SERVICE",
                Channel.HOTLINE_95598, Priority.NORMAL, customer, "王伟", "13812345678", null, "服务态度差", null,
                null, null), null, agent).order().number();
        for (HistoricOrder.Step step : steps) {
            clock.set(step.at());
            Actor by = step.actor().equals(world.crew) ? crew : step.actor().equals(world.dispatcher) ? dispatcher
                    : step.actor().equals(world.supervisor) ? supervisor : agent;
            int version = orders.get(live, by).version();
            String result = step.visit() != null ? step.visit().result().name() : step.result();
            orders.act(live, step.action(), new ActionRequest(version, step.handler(), step.replyText(), result,
                    step.approved(), step.note(), step.note(), step.visit() == null ? null : step.visit().aspects(),
                    null, step.note(), null, null), by);
        }

        clock.set(MONDAY.plus(Duration.ofDays(10)));
        var loaded = historic.load(List.of(new HistoricOrder(WorkOrderType.COMPLAINT, null, "COMPLAINT.SERVICE",
                Channel.HOTLINE_95598, Priority.NORMAL, customer, "王伟", "13812345678", "滨江市东湖区解放路1号",
                station.id().value(), station.code(), station.areaType().name(), "服务态度差", false, false, false,
                false, world.agent, MONDAY, steps))).firstId();

        long liveId = idOf(live);
        assertThat(clocks(loaded)).isEqualTo(clocks(liveId)).anySatisfy(clock ->
                assertThat(clock).startsWith("REPLY").endsWith("BREACHED"));
        assertThat(timeline(loaded)).isEqualTo(timeline(liveId));
        assertThat(jdbc.sql("select status || ' ' || satisfaction from work_order where id = :id")
                .param("id", loaded).query(String.class).single()).isEqualTo("CLOSED SATISFIED");
        assertThat(visits(loaded)).isEqualTo(visits(liveId)).hasSize(2);
    }

    @Test
    void aHistoryTheLifecycleForbidsIsRefusedAndNothingIsWritten() throws Exception {
        var world = new WorkOrderWorld(fixtures, mvc, json);
        String customer = world.customer("滨江市西城区人民路2号");
        OrgUnit station = world.station;
        clock.set(MONDAY.plus(Duration.ofDays(3)));
        long before = jdbc.sql("select count(*) from work_order").query(Long.class).single();
        var fine = order(customer, station, List.of(
                HistoricOrder.Step.dispatch(world.crew, world.dispatcher, MONDAY.plusSeconds(60))));
        var replyBeforeDispatch = order(customer, station, List.of(
                HistoricOrder.Step.reply("已处理", null, world.crew, MONDAY.plusSeconds(60))));

        assertThatThrownBy(() -> historic.load(List.of(fine, replyBeforeDispatch)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REPLY");

        assertThat(jdbc.sql("select count(*) from work_order").query(Long.class).single()).isEqualTo(before);
    }

    private static HistoricOrder order(String customer, OrgUnit station, List<HistoricOrder.Step> steps) {
        return new HistoricOrder(WorkOrderType.FAULT_REPAIR, null, "FAULT_REPAIR.NO_POWER", Channel.APP,
                Priority.URGENT, customer, "李娜", "13900000000", null, station.id().value(), station.code(),
                station.areaType().name(), "停电", false, false, false, false, "agent", MONDAY, steps);
    }

    private long idOf(String number) {
        return jdbc.sql("select id from work_order where number = :n").param("n", number).query(Long.class).single();
    }

    private List<String> clocks(long orderId) {
        return jdbc.sql("""
                select clock_name || ' ' || started_at || ' ' || due_at || ' ' || warning_at || ' ' || paused_seconds
                       || ' ' || coalesce(stopped_at::text, '-') || ' ' || coalesce(outcome, 'RUNNING')
                  from sla_clock where order_id = :id order by started_at, clock_name
                """).param("id", orderId).query(String.class).list();
    }

    private List<String> visits(long orderId) {
        return jdbc.sql("""
                select attempt || ' ' || result || ' ' || final || ' ' || visitor || ' ' || visited_at
                  from work_order_visit where order_id = :id order by attempt
                """).param("id", orderId).query(String.class).list();
    }

    private List<String> timeline(long orderId) {
        return jdbc.sql("""
                select actor || ' ' || action || ' ' || coalesce(from_status, '-') || ' ' || to_status || ' ' || occurred_at
                  from work_order_timeline where order_id = :id order by id
                """).param("id", orderId).query(String.class).list();
    }
}
