package org.gridcare.metering;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.customer.MeterDirectory;
import org.gridcare.identity.Role;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.auditActions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An anomaly raises a READING_ANOMALY work order in one click, once: each customer below used 10 kWh a day for
 * the last 60 days, except four days of nothing while its meter was in service (a ZERO_RUN three weeks ago).
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomalyOrderTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService accounts;
    @Autowired MeterDirectory meters;

    MeteringWorld world;
    String station;
    String agent;
    String inspector;
    String stranger;
    LocalDate today;
    LocalDate from;
    LocalDate zeroFrom;

    @BeforeAll
    void organisation() {
        world = new MeteringWorld(mvc);
        station = Fixtures.unique("AO");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
        String otherStation = Fixtures.unique("AX");
        fixtures.unit(otherStation, OrgUnitKind.SUPPLY_STATION, "HQ");
        agent = Fixtures.unique("aoagent");
        inspector = Fixtures.unique("aoinsp");
        stranger = Fixtures.unique("aostr");
        fixtures.user(agent, station, Role.AGENT);
        fixtures.user(inspector, station, Role.INSPECTOR);
        fixtures.user(stranger, otherStation, Role.AGENT);
    }

    @BeforeEach
    void realTime() {
        clock.reset();
        today = LocalDate.now(BusinessTime.ZONE);
        from = today.minusDays(60);
        zeroFrom = today.minusDays(20);
    }

    /** A customer with a meter and 60 days of readings with a zero run of 4 days starting at {@link #zeroFrom}. */
    String customerWithZeroRun() throws Exception {
        String customer = world.customer("RESIDENTIAL", station);
        String meter = Fixtures.unique("AOM");
        world.meter(customer, meter, "1", "2020-01-01", null);
        StringBuilder csv = new StringBuilder("meterNumber,start,minutes,kwh\n");
        for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
            boolean zero = !day.isBefore(zeroFrom) && day.isBefore(zeroFrom.plusDays(4));
            csv.append("%s,%sT00:00,60,%s\n".formatted(meter, day, zero ? "0" : "10"));
        }
        world.importAndWait("INTERVAL", csv.toString());
        return customer;
    }

    String key() {
        return "ZERO_RUN-" + zeroFrom.toString().replace("-", "");
    }

    @Test
    void theApiRaisesOneOrderPerAnomalyPreFilledWithTheCustomerAndTheAnomaly() throws Exception {
        String customer = customerWithZeroRun();
        mvc.perform(get("/api/v1/customers/{n}/consumption/analysis", customer).with(as(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.anomalies.length()").value(1))
                .andExpect(jsonPath("$.anomalies[0].kind").value("ZERO_RUN"))
                .andExpect(jsonPath("$.anomalies[0].key").value(key()));

        String created = mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key()).with(as(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.anomalyKey").value(key()))
                .andExpect(jsonPath("$.created").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String order = JsonPath.read(created, "$.orderNumber");

        mvc.perform(get("/api/v1/work-orders/{n}", order).with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("SERVICE_APPLICATION"))
                .andExpect(jsonPath("$.subType").value("READING_ANOMALY"))
                .andExpect(jsonPath("$.category").value("SERVICE_APPLICATION.READING_ANOMALY"))
                .andExpect(jsonPath("$.customerNumber").value(customer))
                .andExpect(jsonPath("$.callerName").value("测试用户"))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString(
                        "%s 至 %s 连续 4 天用电量为零".formatted(zeroFrom, zeroFrom.plusDays(3)))));

        // the second click, by someone else, answers the same order and creates nothing
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key()).with(asAdmin())
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderNumber").value(order))
                .andExpect(jsonPath("$.created").value(false));
        assertThat(jdbc.sql("select count(*) from meter_anomaly_order where customer_number = :c").param("c", customer)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/work-orders").with(asAdmin()).param("customer", customer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/customers/{n}/anomalies/orders", customer).with(as(agent)))
                .andExpect(status().isOk()).andExpect(jsonPath("$['" + key() + "']").value(order));
        assertThat(auditActions(mvc, AnomalyOrders.ENTITY, customer + "/" + key()))
                .containsExactly("METER_ANOMALY_ORDER_RAISED");
    }

    @Test
    void anAnomalyTheAnalysisDoesNotFindOrACustomerOutOfScopeRaisesNothing() throws Exception {
        String customer = customerWithZeroRun();
        // a well-formed key of an anomaly that is not there, and one that is not a key at all
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, "SPIKE-" + zeroFrom.toString().replace("-", ""))
                        .with(as(agent)).param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, "anything").with(as(agent)))
                .andExpect(status().isNotFound());
        // a range the analysis refuses names the field
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key()).with(as(agent))
                        .param("from", today.toString()).param("to", from.toString()))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        // the customer is not within an agent of another station's scope; inspectors read but do not take orders in
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key()).with(as(stranger))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key()).with(as(inspector))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from meter_anomaly_order where customer_number = :c").param("c", customer)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/work-orders").with(asAdmin()).param("customer", customer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aRegisterReversalThatCameAnotherWayRaisesAnOrderToo() throws Exception {
        String customer = customerWithZeroRun();
        long meterId = meters.ofCustomer(customer, DataScope.unrestricted()).get(0).meterId();
        // the import refuses a register going backwards; data that came another way can still hold one
        LocalDate reversed = today.minusDays(10);
        jdbc.sql("""
                insert into meter_register (meter_id, read_at, total)
                values (:m, :first, 1000), (:m, :second, 990), (:m, :third, 1000)
                """).param("m", meterId)
                .param("first", ConsumptionReadings.start(reversed))
                .param("second", ConsumptionReadings.start(reversed.plusDays(1)))
                .param("third", ConsumptionReadings.start(reversed.plusDays(2))).update();
        String key = "REGISTER_REVERSAL-" + reversed.toString().replace("-", "");
        mvc.perform(get("/api/v1/customers/{n}/consumption/analysis", customer).with(as(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.anomalies[?(@.key == '" + key + "')].value").value(-10));
        String created = mvc.perform(post("/api/v1/customers/{n}/anomalies/{k}/order", customer, key).with(as(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(get("/api/v1/work-orders/{n}", (String) JsonPath.read(created, "$.orderNumber")).with(asAdmin()))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString(
                        "用电分析发现示数倒走：" + reversed + " 的表码示数低于前一次读数（差 -10 kWh）")));
    }

    RequestPostProcessor console(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    @Test
    void theAnalysisPageRaisesTheOrderInOneClickAndThenLinksToIt() throws Exception {
        String customer = customerWithZeroRun();
        String page = mvc.perform(get("/metering/customers/{n}", customer).with(console(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String action = "/metering/customers/%s/anomalies/%s/order".formatted(customer, key());
        assertThat(page).contains("data-anomaly=\"" + key() + "\"", "action=\"" + action + "\"", "gc-anomaly-raise",
                "name=\"_csrf\"", "data-chart=\"peers\"");

        String order = mvc.perform(post(action).with(console(agent)).with(csrf())
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "metering.anomalyOrder.created"))
                .andReturn().getFlashMap().get("noticeArg").toString();
        mvc.perform(post(action).with(console(agent)).with(csrf())
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(redirectedUrl("/work-orders/" + order))
                .andExpect(flash().attribute("notice", "metering.anomalyOrder.existing"));
        // without the CSRF token nothing happens
        mvc.perform(post(action).with(console(agent)).param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isForbidden());

        String after = mvc.perform(get("/metering/customers/{n}", customer).with(console(agent))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("href=\"/work-orders/" + order + "\"").doesNotContain("gc-anomaly-raise");
        // an inspector sees the anomaly but no button
        String inspectors = mvc.perform(get("/metering/customers/{n}", customer).with(console(inspector))
                        .param("from", from.toString()).param("to", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(inspectors).contains("data-anomaly=\"" + key() + "\"");
    }

    @Test
    void theIntakeCardShowsTheLastMonthsAndTheLatestAnomalies() throws Exception {
        String customer = customerWithZeroRun();
        String card = mvc.perform(get("/metering/customers/{n}/card", customer).with(console(agent))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String thisMonth = today.toString().substring(0, 7);
        String lastMonth = today.minusMonths(1).toString().substring(0, 7);
        assertThat(card).contains("id=\"gc-consumption-card\"", "用电概况", "data-month=\"" + lastMonth + "\"",
                        "data-anomaly=\"" + key() + "\"", "gc-anomaly-raise")
                .doesNotContain("<html");
        // the months hold the days' kWh: 10 a day except the four zero days
        long expected = 0;
        for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
            boolean zero = !day.isBefore(zeroFrom) && day.isBefore(zeroFrom.plusDays(4));
            if (day.toString().startsWith(lastMonth) && !zero) {
                expected += 10;
            }
        }
        assertThat(card).contains("<td>" + lastMonth + "</td><td class=\"text-end\">" + expected + "</td>");
        if (!today.equals(today.withDayOfMonth(1))) {
            assertThat(card).contains("data-month=\"" + thisMonth + "\"");
        }

        // the intake page loads the card for its customer
        String intake = mvc.perform(get("/work-orders/new").param("customerNumber", customer).with(console(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(intake).contains("hx-get=\"/metering/customers/" + customer + "/card\"");

        // a customer without a meter has a card that says so; another station's customer has none
        String unmetered = world.customer("RESIDENTIAL", station);
        assertThat(mvc.perform(get("/metering/customers/{n}/card", unmetered).with(console(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("该客户无计量装置");
        mvc.perform(get("/metering/customers/{n}/card", customer).with(console(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/metering/customers/{n}/card", customer).with(console(agent)))
                .andExpect(header().doesNotExist("HX-Refresh"));
    }
}
