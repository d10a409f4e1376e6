package org.gridcare.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.workorder.WorkOrderType.COMPLAINT;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The daily rollup gives the facts' figures, whichever days it covers: before it is computed, after, with a
 * day changed since (dirty), and — to show that reports really read it — with rolled-up rows (sums and a
 * median's values) altered behind its back, which a report shows until the day is marked dirty.
 */
@GridCareTest
class KpiRollupTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired KpiRollup rollup;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void reportsGiveTheFactsFiguresWhetherDaysAreRolledUpDirtyOrNot() throws Exception {
        KpiWorld world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customerA = world.customer(world.stationA);
        String customerB = world.customer(world.stationB);
        // O1, station A, 10 March: a consultation answered and closed at first contact after 5 minutes
        world.at("2025-03-10T10:00");
        String o1 = world.order(CONSULTATION, "CONSULTATION.TARIFF", customerA);
        world.later(Duration.ofMinutes(5));
        world.act(o1, "close", world.agent, "replyText", "已解答电价问题");
        // O2, station B, 11 March: a complaint taken by the crew after an hour and replied to
        world.at("2025-03-11T09:00");
        String o2 = world.order(COMPLAINT, "COMPLAINT.SERVICE", customerB);
        world.later(Duration.ofMinutes(5));
        world.act(o2, "dispatch", world.dispatcher, "handler", world.crew);
        world.later(Duration.ofMinutes(55));
        world.act(o2, "accept", world.crew);
        world.act(o2, "reply", world.crew, "replyText", "经核实情况属实，已致歉");
        // O3, station A, 12 March: a consultation nobody has answered
        world.at("2025-03-12T08:00");
        String o3 = world.order(CONSULTATION, "CONSULTATION.OTHER", customerA);
        world.at("2025-04-20T12:00");   // every March day is settled (ended more than 24 h ago)

        // March: received O1, O2, O3; responded within 24 h O1, O2 of 3 due (O3 is past its limit);
        // closed in March: O1 (on time, resolved at first contact)
        marchIs(world, "3", "2", "3");
        rollup.catchUp(Duration.ofMinutes(2));
        assertThat(rolledUp(world, "2025-03-10", world.stationA.id().value())).as("O1's day is rolled up").isOne();
        marchIs(world, "3", "2", "3");
        JsonNode byDay = report(world, "2025-03-01", "2025-03-31", "day", null);
        assertThat(received(group(byDay, "2025-03-11"))).isEqualTo("1");
        assertThat(received(group(byDay, "2025-03-13"))).isEqualTo("0");
        JsonNode byStaff = report(world, "2025-03-01", "2025-03-31", "staff", null);
        assertThat(received(group(byStaff, world.agent))).as("O1 and O3 have no other handler").isEqualTo("2");
        assertThat(received(group(byStaff, world.crew))).isEqualTo("1");
        // a team (班组) split adds up its members' orders, read from the staff level of the rollup
        String team = Fixtures.unique("KT");
        staffApi(post("/api/v1/teams"), Map.of("code", team, "name", "抢修一班", "unitCode", world.city.code()));
        staffApi(post("/api/v1/staff"), Map.of("username", world.agent, "position", "AGENT", "teamCode", team));
        staffApi(post("/api/v1/staff"), Map.of("username", world.crew, "position", "REPAIR_ELECTRICIAN",
                "teamCode", team));
        JsonNode byTeam = report(world, "2025-03-01", "2025-03-31", "team", "ORDERS_RECEIVED");
        assertThat(received(group(byTeam, team))).as("the agent's 2 and the crew's 1").isEqualTo("3");
        assertThat(group(byTeam, team).get("label").asString()).isEqualTo("抢修一班");
        JsonNode byType = report(world, "2025-03-01", "2025-03-31", "type", "ORDERS_RECEIVED,RESPONSE_24H");
        assertThat(received(group(byType, "CONSULTATION"))).isEqualTo("2");
        assertThat(group(byType, "CONSULTATION").get("kpis")).as("only the KPIs asked for").hasSize(2);

        // a report reads the rollup for clean days: an altered row shows, until its day is marked dirty
        int received = position("ORDERS_RECEIVED");
        jdbc.sql("update kpi_rollup set n[" + received + "] = 99 where level = 0 and day = '2025-03-10' "
                + "and anchor = 'ACCEPTED' and unit_id = :u").param("u", world.stationA.id().value()).update();
        marchIs(world, "101", "2", "3");
        // the median of a period is the median of its days' kept values (O1's 5 minutes, altered to 5 hours)
        jdbc.sql("update kpi_rollup_median set vals = array[5] where level = 0 and day = '2025-03-10' "
                + "and kpi = 'HANDLING_HOURS_MEDIAN' and unit_id = :u").param("u", world.stationA.id().value()).update();
        marchIs(world, "101", "2", "3", "5");
        jdbc.sql("insert into kpi_rollup_dirty (day) values ('2025-03-10') on conflict do nothing").update();
        marchIs(world, "3", "2", "3");
        rollup.catchUp(Duration.ofMinutes(2));
        assertThat(rolledUp(world, "2025-03-10", world.stationA.id().value())).isOne();

        // cancelling O3 on 20 April changes its accepted day, 12 March: the refresh marks the day dirty and the
        // report shows the change at once (O3 leaves the response denominator), before the job rolls it again
        world.act(o3, "cancel", world.agent, "reason", "客户撤诉");
        marchIs(world, "3", "2", "2");
        rollup.catchUp(Duration.ofMinutes(2));
        assertThat(jdbc.sql("select count(*) from kpi_rollup_dirty where day = '2025-03-12'").query(Long.class)
                .single()).isZero();
        marchIs(world, "3", "2", "2");
    }

    private void marchIs(KpiWorld world, String received, String responded, String due) throws Exception {
        marchIs(world, received, responded, due, "0.08");
    }

    private void marchIs(KpiWorld world, String received, String responded, String due, String median)
            throws Exception {
        JsonNode kpis = report(world, "2025-03-01", "2025-03-31", null, null).get("kpis");
        assertThat(value(kpis, "ORDERS_RECEIVED", "numerator")).isEqualTo(received);
        assertThat(value(kpis, "RESPONSE_24H", "numerator")).isEqualTo(responded);
        assertThat(value(kpis, "RESPONSE_24H", "denominator")).isEqualTo(due);
        assertThat(value(kpis, "ON_TIME", "numerator")).isEqualTo("1");
        assertThat(value(kpis, "ON_TIME", "denominator")).isEqualTo("1");
        assertThat(value(kpis, "HANDLING_HOURS_MEDIAN", "value")).isEqualTo(median);
    }

    private long rolledUp(KpiWorld world, String day, long unit) {
        return jdbc.sql("select n[" + position("ORDERS_RECEIVED") + "] from kpi_rollup where level = 0 and day = cast("
                + ":d as date) and anchor = 'ACCEPTED' and unit_id = :u").param("d", day).param("u", unit)
                .query(Long.class).optional().orElse(0L);
    }

    /** The 1-based position of a KPI in the rollup's arrays (the formulas' order). */
    private int position(String kpi) {
        List<String> names = jdbc.sql("select name from kpi_definition order by sort_order").query(String.class).list();
        return names.indexOf(kpi) + 1;
    }

    private void staffApi(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          Map<String, Object> body) throws Exception {
        var response = mvc.perform(request.with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    }

    private JsonNode report(KpiWorld world, String from, String to, String groupBy, String kpis) throws Exception {
        var request = get("/api/v1/kpis").with(as(world.manager)).param("from", from).param("to", to)
                .param("unit", world.city.code());
        if (groupBy != null) {
            request.param("groupBy", groupBy);
        }
        if (kpis != null) {
            request.param("kpis", kpis);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return world.read(response);
    }

    private static JsonNode group(JsonNode report, String key) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("key").asString().equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }

    private static String received(JsonNode group) {
        return value(group.get("kpis"), "ORDERS_RECEIVED", "numerator");
    }

    private static String value(JsonNode kpis, String name, String field) {
        return KpiWorld.kpiValue(kpis, name, field);
    }
}
