package org.gridcare.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.gridcare.GridCare;
import org.gridcare.TestDatabase;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo company, seeded on start into a database of its own on the shared test server (so the other tests
 * never see it), with small counts. One extra GridCare start; the default test context never seeds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedingTests {

    private static final int CUSTOMERS = 400;
    private static final int ORDERS = 1_500;
    private static final Volume VOLUME = new Volume(7, CUSTOMERS, ORDERS, 2, 600);

    private static String database;
    private static ConfigurableApplicationContext demo;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startOnAFreshDatabase() throws SQLException {
        TestDatabase.start();
        database = "demo_" + Long.toString(System.nanoTime(), 36);
        String sharedUrl = System.getProperty("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(sharedUrl, "postgres", "")) {
            connection.createStatement().execute("create database " + database);
        }
        // command-line arguments outrank the shared test database's system properties
        demo = new SpringApplicationBuilder(GridCare.class).run(
                "--spring.datasource.url=" + sharedUrl.substring(0, sharedUrl.lastIndexOf('/') + 1) + database,
                "--server.port=0", "--gridcare.sla.scheduler-enabled=false", "--gridcare.demo.enabled=true",
                "--gridcare.demo.seed=" + VOLUME.seed(), "--gridcare.demo.customers=" + CUSTOMERS,
                "--gridcare.demo.orders=" + ORDERS, "--gridcare.demo.months=" + VOLUME.months(),
                "--gridcare.demo.batch=" + VOLUME.batch());
        jdbc = demo.getBean(JdbcClient.class);
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (demo != null) {
            demo.close();
        }
        try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                "postgres", "")) {
            connection.createStatement().execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    @Order(1)
    void anEmptyDatabaseGetsTheWholeCompanyInEveryTypeAndState() {
        assertThat(count("select count(*) from org_unit where code like 'BJ%'")).isEqualTo(24);
        assertThat(count("select count(*) from app_user")).isEqualTo(1 + 59);
        for (String role : List.of("ADMIN", "MANAGER", "SUPERVISOR", "AGENT", "DISPATCHER", "FIELD_STAFF",
                "INSPECTOR", "TRAINER")) {
            assertThat(count("select count(*) from app_user where '" + role + "' = any(roles) and username <> 'admin'"))
                    .as(role).isPositive();
        }
        assertThat(count("select count(*) from customer")).isEqualTo(CUSTOMERS);
        assertThat(count("select count(*) from meter")).isEqualTo(CUSTOMERS);
        assertThat(count("select count(distinct kind) from customer")).isEqualTo(4);
        assertThat(count("select count(*) from work_order")).isEqualTo(ORDERS);

        Map<String, Long> byType = countsBy("select type, count(*) from work_order group by type");
        assertThat(byType).containsOnlyKeys("CONSULTATION", "FAULT_REPAIR", "COMPLAINT", "REPORT", "OPINION",
                "PRAISE", "SERVICE_APPLICATION");
        assertThat(byType.get("CONSULTATION") + byType.get("FAULT_REPAIR")).as("the bulk of a hotline's calls")
                .isGreaterThan(ORDERS / 2);
        assertThat(byType.get("COMPLAINT")).isLessThan(ORDERS / 10);

        Map<String, Long> byStatus = countsBy("select status, count(*) from work_order group by status");
        for (var status : DemoOrders.OPEN_NOW) {
            assertThat(byStatus.getOrDefault(status.name(), 0L)).as(status.name())
                    .isGreaterThanOrEqualTo(DemoOrders.OPEN_PER_STATUS);
        }
        assertThat(byStatus.get("CLOSED")).as("most orders are done").isGreaterThan(ORDERS * 8 / 10);
        assertThat(byStatus).containsKey("CANCELLED");

        assertThat(count("select count(*) from sla_order")).as("every order has its clocks").isEqualTo(ORDERS);
        Map<String, Long> outcomes = countsBy(
                "select coalesce(outcome, 'RUNNING'), count(*) from sla_clock group by 1");
        assertThat(outcomes.get("MET")).isGreaterThan(outcomes.get("BREACHED") * 5);
        assertThat(outcomes).containsKeys("BREACHED", "RUNNING");
        assertThat(count("select count(*) from work_order where sla_state = 'BREACHED'")).isPositive();

        Map<String, Long> visits = countsBy("select result, count(*) from work_order_visit group by result");
        assertThat(visits).containsKeys("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "UNREACHABLE");
        long verdicts = visits.get("SATISFIED") + visits.get("BASICALLY_SATISFIED") + visits.get("DISSATISFIED");
        assertThat(visits.get("SATISFIED")).as("mostly satisfied").isGreaterThan(verdicts * 8 / 10);
        assertThat(count("""
                select count(*) from work_order o where o.reopen_count > 0
                   and exists (select 1 from work_order_visit v where v.order_id = o.id and v.result = 'DISSATISFIED')
                """)).as("a dissatisfied visit reopens the order").isPositive();

        assertThat(count("select count(distinct number) from work_order")).isEqualTo(ORDERS);
        assertThat(count("""
                select count(*) from work_order_counter c
                 where c.last <> (select count(*) from work_order o
                                   where substring(o.number from 3 for 8) = to_char(c.day, 'YYYYMMDD'))
                    or c.last <> (select max(cast(substring(o.number from 11) as integer)) from work_order o
                                   where substring(o.number from 3 for 8) = to_char(c.day, 'YYYYMMDD'))
                """)).as("each day's numbers run 1..last without a gap").isZero();
        assertThat(count("select count(*) from work_order_timeline where action = 'CREATE'")).isEqualTo(ORDERS);

        assertThat(count("select count(*) from staff_profile")).as("every demo user but the administrator")
                .isEqualTo(59 - 1);
        assertThat(count("select count(*) from staff_team")).isEqualTo(2 + 10);
        assertThat(count("select count(*) from staff_team where leader_user_id is null")).isZero();
        assertThat(count("select count(*) from staff_certificate where expires_on < current_date")).isEqualTo(1);
        assertThat(count("select count(*) from staff_certificate where expires_on between current_date "
                + "and current_date + 30")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from staff_shift where starts_at <= now() and ends_at > now()"))
                .as("someone is on duty now").isPositive();
        // analysed by the seeder itself (not autovacuum, a minute later): the first pages get plans for the real rows
        assertThat(count("select count(*) from pg_stat_user_tables where relname in ('work_order', 'sla_clock', "
                + "'customer') and last_analyze is not null")).isEqualTo(3);
    }

    @Test
    @Order(2)
    void aRealOrderAcceptedAfterTheSeedContinuesTheDaysNumbers() throws Exception {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        int last = jdbc.sql("select coalesce(max(last), 0) from work_order_counter where day = :day")
                .param("day", today).query(Integer.class).single();
        String customer = jdbc.sql("select number from customer order by number limit 1").query(String.class).single();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) demo).apply(springSecurity()).build();

        String body = mvc.perform(post("/api/v1/work-orders").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"FAULT_REPAIR","category":"FAULT_REPAIR.NO_POWER","channel":"HOTLINE_95598",
                                 "customerNumber":"%s","callerName":"王伟","callerPhone":"13800000000",
                                 "description":"家中停电"}""".formatted(customer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        String expected = "GD" + DateTimeFormatter.BASIC_ISO_DATE.format(today) + "%06d".formatted(last + 1);
        assertThat(body).contains("\"number\":\"" + expected + "\"");
    }

    @Test
    @Order(2)
    void theMeteredDemoCustomersGetAdviceAndShowAnAnomaly() throws Exception {
        DemoCompany company = new DemoCompany(VOLUME.seed(), DemoTexts.load());
        String night = null;
        String anomaly = null;
        String industry = null;
        for (int i = 0; i < CUSTOMERS; i++) {
            DemoCompany.Customer c = company.customer(i);
            if (c.kind().equals("RESIDENTIAL") && "ZJ-RES-FLAT".equals(c.tariffCode())) {
                if (night == null) {
                    night = c.number();
                } else if (anomaly == null) {
                    anomaly = c.number();
                }
            } else if (c.kind().equals("LARGE_INDUSTRY") && industry == null) {
                industry = c.number();
            }
        }
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) demo).apply(springSecurity()).build();
        var admin = httpBasic("admin", TestDatabase.ADMIN_PASSWORD);
        // the night-heavy household (real data, half its kWh at night) is advised to take time-of-use, on 12 months
        String advice = mvc.perform(get("/api/v1/customers/{n}/advice", night).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(advice, "$.monthsWithData")).isEqualTo(12);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(advice, "$.options[0].key")).isEqualTo("TARIFF_SWITCH:ZJ-RES-TOU");
        assertThat(com.jayway.jsonpath.JsonPath.<Boolean>read(advice, "$.options[0].advised")).isTrue();
        assertThat(((Number) com.jayway.jsonpath.JsonPath.read(advice, "$.options[0].annualSaving")).doubleValue()).isGreaterThan(100);
        // the two-part customer far below its capacity is advised to pay by demand
        String industrial = mvc.perform(get("/api/v1/customers/{n}/advice", industry).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Boolean>>read(industrial,
                "$.options[?(@.key == 'BASIC_CHARGE_BASIS:DEMAND')].advised")).containsExactly(true);
        // the second household's meter recorded nothing for 12 days two months ago
        String analysis = mvc.perform(get("/api/v1/customers/{n}/consumption/analysis", anomaly).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(analysis, "$.anomalies[*].kind")).contains("ZERO_RUN");
    }

    @Test
    @Order(3)
    void aSecondRunDoesNothing() {
        long orders = count("select count(*) from work_order");

        DemoSeeder.Result again = demo.getBean(DemoSeeder.class).seed(VOLUME);

        assertThat(again.outcome()).isEqualTo(DemoSeeder.Outcome.ALREADY_SEEDED);
        assertThat(again.passwords()).isEmpty();
        assertThat(count("select count(*) from work_order")).isEqualTo(orders);
        assertThat(count("select count(*) from customer")).isEqualTo(CUSTOMERS);
    }

    @Test
    @Order(4)
    void aDatabaseWithDataThatTheDemoDidNotSeedIsRefused() {
        jdbc.sql("delete from demo_seed").update();
        long users = count("select count(*) from app_user");

        DemoSeeder.Result result = demo.getBean(DemoSeeder.class).seed(VOLUME);

        assertThat(result.outcome()).isEqualTo(DemoSeeder.Outcome.REFUSED);
        assertThat(result.reason()).contains("customers");
        assertThat(count("select count(*) from demo_seed")).isZero();
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
        assertThat(count("select count(*) from customer")).isEqualTo(CUSTOMERS);
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Map<String, Long> countsBy(String sql) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
