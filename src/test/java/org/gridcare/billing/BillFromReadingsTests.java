package org.gridcare.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.HeldTransaction;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bills from stored readings: register reads imported through the metering API, the tariff and capacity from the
 * archive, the bill stored and recalculated idempotently, the explanation of July against June, a bill run over a
 * manager's station with its skips, and the scope.
 */
@GridCareTest
class BillFromReadingsTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired BillRepository billRepository;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String station;
    private String manager;

    @BeforeEach
    void world() {
        clock.reset();
        fixtures.root();
        String city = Fixtures.unique("BC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = Fixtures.unique("BS");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        manager = Fixtures.unique("bmgr");
        fixtures.user(manager, station, Role.MANAGER);
    }

    private static String customerNumber() {
        return "46" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
    }

    private String customer(String kind, String tariff, String capacity) throws Exception {
        String number = customerNumber();
        mvc.perform(postJson("/api/v1/customers", """
                {"number": "%s", "name": "电费测试", "kind": "%s", "voltageLevel": "AC10KV", "address": "杭州市滨江区江南大道1号",
                 "phone": "13800001234", "unitCode": "%s"%s%s}
                """.formatted(number, kind, station, tariff == null ? "" : ", \"tariffCode\": \"" + tariff + "\"",
                capacity == null ? "" : ", \"capacityKva\": " + capacity)).with(asAdmin()))
                .andExpect(status().isCreated());
        return number;
    }

    private String meter(String customer, String multiplier) throws Exception {
        String meterNumber = Fixtures.unique("BM");
        mvc.perform(postJson("/api/v1/customers/" + customer + "/meters", """
                {"meterNumber": "%s", "type": "HIGH_VOLTAGE_CT", "multiplier": %s, "installedOn": "2023-12-01"}
                """.formatted(meterNumber, multiplier)).with(asAdmin())).andExpect(status().isCreated());
        return meterNumber;
    }

    private void importRegisters(String csv) throws Exception {
        String accepted = mvc.perform(multipart("/api/v1/meter-readings/import")
                        .file(new MockMultipartFile("file", Fixtures.unique("reg") + ".csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "REGISTER").with(asAdmin()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(accepted, "$.id")).longValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String report = mvc.perform(get("/api/v1/meter-readings/imports/{id}", id).with(asAdmin()))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String state = JsonPath.read(report, "$.status");
            if (state.equals("DONE")) {
                assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).as(report).isZero();
                return;
            }
            assertThat(state).as(report).isNotEqualTo("FAILED");
            assertThat(Instant.now()).as("import did not finish").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static double num(String json, String path) {
        return ((Number) JsonPath.read(json, path)).doubleValue();
    }

    /** The stored bill of the month, as the administrator reads it. */
    private String stored(String customer, String month) throws Exception {
        return mvc.perform(get("/api/v1/customers/{n}/bills/{m}", customer, month).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String calculate(String customer, String month, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/customers/{n}/bills/{m}", customer, month).with(who)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Residential, flat tiers: 400 kWh a month January–June (2400 kWh), then 600 in July. */
    private String residential() throws Exception {
        String customer = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");
        String meter = meter(customer, "1");
        importRegisters("meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw\n"
                + String.join("\n", List.of(
                meter + ",2024-01-01T00:00,10000,,,,,,", meter + ",2024-02-01T00:00,10400,,,,,,",
                meter + ",2024-03-01T00:00,10800,,,,,,", meter + ",2024-04-01T00:00,11200,,,,,,",
                meter + ",2024-05-01T00:00,11600,,,,,,", meter + ",2024-06-01T00:00,12000,,,,,,",
                meter + ",2024-07-01T00:00,12400,,,,,,", meter + ",2024-08-01T00:00,13000,,,,,,")) + "\n");
        return customer;
    }

    @Test
    void aResidentialBillCrossesTheFirstTierOnTheYearsCumulativeConsumption() throws Exception {
        String customer = residential();
        // June: 2000 kWh before, 400 in June → all tier 1: 400 × 0.538 = 215.20
        String june = calculate(customer, "2024-06", asAdmin());
        assertThat(num(june, "$.total")).isEqualTo(215.20);
        assertThat(num(june, "$.kwhEarlierInYear")).isEqualTo(2000.0);
        // July: 2400 before, 600 in July → cumulative 2400 → 3000 crosses 2760:
        // tier 1 360 × 0.538 = 193.68; tier 2 240 × 0.588 = 141.12; total 334.80
        String july = calculate(customer, "2024-07", asAdmin());
        assertThat(num(july, "$.total")).isEqualTo(334.80);
        assertThat(JsonPath.<List<Double>>read(july, "$.lines[*].amount")).containsExactly(193.68, 141.12);
        assertThat(JsonPath.<List<String>>read(july, "$.lines[*].label")).containsExactly("第1档电度电费", "第2档电度电费");
        assertThat(JsonPath.<String>read(july, "$.source")).isEqualTo("REGISTER");

        // recalculating changes nothing but the moment
        String again = calculate(customer, "2024-07", asAdmin());
        assertThat(num(again, "$.total")).isEqualTo(334.80);
        assertThat(JsonPath.<List<Double>>read(again, "$.lines[*].amount")).containsExactly(193.68, 141.12);
        mvc.perform(get("/api/v1/customers/{n}/bills", customer).with(asAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].month").value("2024-07"));
        assertThat(ApiRequests.auditActions(mvc, "Bill", customer + "/2024-07")).containsExactly("BILL_CALCULATED",
                "BILL_CALCULATED");

        // why is July higher? 334.80 - 215.20 = 119.60, with June's price 215.20 / 400 = 0.538 元/kWh:
        //  days: 400 / 30 kWh a day × 1 more day × 0.538 = 7.17
        //  usage: (600 - 400) × 0.538 = 107.60, less the days' 7.17 = 100.43
        //  tier: 240 kWh in tier 2 × 0.05 = 12.00 (June had none)
        //  7.17 + 100.43 + 12.00 = 119.60
        String explanation = mvc.perform(get("/api/v1/customers/{n}/bills/2024-07/explain", customer)
                        .param("compareTo", "2024-06").with(asAdmin()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(num(explanation, "$.difference")).isEqualTo(119.60);
        assertThat(JsonPath.<List<String>>read(explanation, "$.items[*].factor")).containsExactly("USAGE", "TIER", "DAYS");
        assertThat(JsonPath.<List<Double>>read(explanation, "$.items[*].amount")).containsExactly(100.43, 12.00, 7.17);
        assertThat(JsonPath.<String>read(explanation, "$.headline"))
                .isEqualTo("2024-07 电费 334.80 元，比 2024-06 的 215.20 元多 119.60 元（55.6%）。");
        assertThat(JsonPath.<String>read(explanation, "$.items[1].sentence"))
                .contains("截至本月累计用电 3000 度").contains("240 度按第2档计价（0.588 元/度）").contains("增加 12.00 元");
        assertThat(JsonPath.<String>read(explanation, "$.items[2].sentence"))
                .isEqualTo("本月计费 31 天，2024-06 计费 30 天，多 1 天；按 2024-06 日均用电 13.3 度计算，天数变化使电费增加 7.17 元。");
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07/explain", customer).param("compareTo", "2024-06")
                        .with(asAdmin()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[2].sentence").value(org.hamcrest.Matchers.startsWith("This bill covers 31 days")));

        // the console's bills page of the customer shows the bill and the same explanation
        String page = mvc.perform(get("/billing/customers/{n}", customer).param("month", "2024-07").param("compareTo", "2024-06")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2024-07 电费 334.80 元，比 2024-06 的 215.20 元多 119.60 元（55.6%）。")
                .contains("第2档电度电费").contains("141.12").contains("data-factor=\"TIER\"");
    }

    /** EXAMPLE-LI-TOU, 400 kVA, a CT meter with multiplier 10, reads on 1 June, 1 July, 1 August. */
    private String industrial() throws Exception {
        String customer = customer("LARGE_INDUSTRY", "EXAMPLE-LI-TOU", "400");
        String meter = meter(customer, "10");
        importRegisters("meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw\n"
                + meter + ",2024-06-01T00:00,0,0,0,0,0,0,\n"
                + meter + ",2024-07-01T00:00,1000,0,400,300,300,500,\n"
                + meter + ",2024-08-01T00:00,2600,100,800,800,900,1700,25\n");
        return customer;
    }

    @Test
    void aTwoPartBillFromTouRegistersWithAPowerFactorPenaltyExplained() throws Exception {
        String customer = industrial();
        // June (× 10, no critical peak before July): 10000 kWh = peak 4000 + flat 3000 + valley 3000, reactive 5000
        //  energy 4000 × 1.00 + 3000 × 0.60 + 3000 × 0.30 = 6700; basic 400 × 26 = 10400
        //  PF 10000 / √(10000² + 5000²) = 0.894 → 0.89 → +0.50 % of 17100 = 85.50; total 17185.50
        String june = calculate(customer, "2024-06", asAdmin());
        assertThat(num(june, "$.total")).isEqualTo(17185.50);
        // July (× 10): 16000 kWh = 1000 + 4000 + 5000 + 6000, reactive 12000, maximum demand 25 × 10 = 250 kW
        //  energy 10050; basic 10400; PF 0.80 → +5 % of 20450 = 1022.50; total 21472.50
        String july = calculate(customer, "2024-07", asAdmin());
        assertThat(num(july, "$.total")).isEqualTo(21472.50);
        assertThat(num(july, "$.maxDemandKw")).isEqualTo(250.0);
        assertThat(num(july, "$.powerFactor")).isEqualTo(0.80);
        assertThat(JsonPath.<String>read(july, "$.basicChargeBasis")).isEqualTo("CAPACITY");
        assertThat(JsonPath.<List<String>>read(july, "$.lines[*].kind")).containsExactly("ENERGY", "ENERGY", "ENERGY",
                "ENERGY", "BASIC_CHARGE", "POWER_FACTOR");

        // 21472.50 - 17185.50 = 4287.00; June's price 6700 / 10000 = 0.67 元/kWh
        //  days: 10000 / 30 × 1 × 0.67 = 223.33
        //  usage: 6000 × 0.67 = 4020.00 - 223.33 = 3796.67
        //  TOU mix: 10050 - 16000 × 0.67 = -670.00 (peak and critical peak 31.3 % of July against 40.0 % of June)
        //  power factor: 1022.50 - 85.50 = 937.00
        //  223.33 + 3796.67 - 670.00 + 937.00 = 4287.00
        String explanation = mvc.perform(get("/api/v1/customers/{n}/bills/2024-07/explain", customer).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(explanation, "$.compareTo")).isEqualTo("2024-06");
        assertThat(JsonPath.<List<String>>read(explanation, "$.items[*].factor"))
                .containsExactly("USAGE", "POWER_FACTOR", "TOU_MIX", "DAYS");
        assertThat(JsonPath.<List<Double>>read(explanation, "$.items[*].amount"))
                .containsExactly(3796.67, 937.00, -670.00, 223.33);
        assertThat(num(explanation, "$.difference")).isEqualTo(4287.00);
        assertThat(JsonPath.<String>read(explanation, "$.items[1].sentence"))
                .contains("功率因数 0.80，低于考核标准 0.90，加收 5% 即 1022.50 元")
                .contains("功率因数 0.89").contains("增加 937.00 元");
        assertThat(JsonPath.<String>read(explanation, "$.items[2].sentence")).contains("31.3%").contains("40.0%")
                .contains("减少 670.00 元");
    }

    @Test
    void eachMonthIsBilledOnTheContractInForceThatMonth() throws Exception {
        String customer = industrial();
        // the supply contract changes to the basic charge by demand from July 2024
        mvc.perform(postJson("/api/v1/customers/" + customer + "/contract-changes", """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2024-07-01",
                 "reason": "客户申请按需量计收基本电费"}""").with(asAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$[1].from").value("2024-07")).andExpect(jsonPath("$[1].basis").value("DEMAND"));
        // June, before the change, by capacity as before: 6700 + 400 × 26 = 17100, PF 0.89 +0.50 % = 85.50 → 17185.50
        String june = calculate(customer, "2024-06", asAdmin());
        assertThat(JsonPath.<String>read(june, "$.basicChargeBasis")).isEqualTo("CAPACITY");
        assertThat(num(june, "$.total")).isEqualTo(17185.50);
        // July by demand: 250 kW × 40 = 10000.00 (not 10400); energy 10050; PF 0.80 +5 % of 20050 = 1002.50
        //  total 10050 + 10000 + 1002.50 = 21052.50
        String july = calculate(customer, "2024-07", asAdmin());
        assertThat(JsonPath.<String>read(july, "$.basicChargeBasis")).isEqualTo("DEMAND");
        assertThat(JsonPath.<List<Double>>read(july, "$.lines[?(@.kind == 'BASIC_CHARGE')].amount")).containsExactly(10000.00);
        assertThat(num(july, "$.total")).isEqualTo(21052.50);
    }

    @Test
    void aContractChangedBackToABilledMonthRebillsThatMonthAndTheLaterOnesInTheSameTransaction() throws Exception {
        String customer = industrial();
        assertThat(num(calculate(customer, "2024-06", asAdmin()), "$.total")).isEqualTo(17185.50);
        assertThat(num(calculate(customer, "2024-07", asAdmin()), "$.total")).isEqualTo(21472.50);

        // a change from August touches no bill; one back to July re-prices July (by demand) and leaves June alone
        mvc.perform(postJson("/api/v1/customers/" + customer + "/contract-changes", """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2024-08",
                 "reason": "客户申请按需量计收基本电费"}""").with(asAdmin())).andExpect(status().isOk());
        assertThat(ApiRequests.auditActions(mvc, "Bill", customer + "/2024-07")).containsExactly("BILL_CALCULATED");
        mvc.perform(postJson("/api/v1/customers/" + customer + "/contract-changes", """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2024-07",
                 "reason": "合同变更补录，自 7 月起按需量计收"}""").with(asAdmin())).andExpect(status().isOk());

        String july = stored(customer, "2024-07");
        assertThat(JsonPath.<String>read(july, "$.basicChargeBasis")).isEqualTo("DEMAND");
        assertThat(num(july, "$.total")).isEqualTo(21052.50);
        String june = stored(customer, "2024-06");
        assertThat(JsonPath.<String>read(june, "$.basicChargeBasis")).isEqualTo("CAPACITY");
        assertThat(ApiRequests.auditActions(mvc, "Bill", customer + "/2024-07"))
                .containsExactly("BILL_RECALCULATED", "BILL_CALCULATED");
        assertThat(ApiRequests.auditActors(mvc, "Bill", customer + "/2024-07", "BILL_RECALCULATED"))
                .containsExactly("admin");
        assertThat(ApiRequests.auditActions(mvc, "Bill", customer + "/2024-06")).containsExactly("BILL_CALCULATED");

        // a change the tariff schedules refuse re-bills nothing: the contract and its bills stay as they were
        mvc.perform(postJson("/api/v1/customers/" + customer + "/contract-changes", """
                {"tariffCode": "NO-SUCH-TARIFF", "effectiveFrom": "2024-06", "reason": "x"}""").with(asAdmin()))
                .andExpect(status().isBadRequest());
        assertThat(ApiRequests.auditActions(mvc, "Bill", customer + "/2024-06")).containsExactly("BILL_CALCULATED");
    }

    @Test
    void aContractChangeReachingBackToAMonthWaitsForThePricingOfThatMonthUnderWayAndThenRepricesIt()
            throws Exception {
        String customer = industrial();
        assertThat(num(calculate(customer, "2024-07", asAdmin()), "$.total")).isEqualTo(21472.50);
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        // July being priced (a bill run's page, a recalculation): its transaction holds the month
        try (HeldTransaction pricing = HeldTransaction.take(tx,
                () -> billRepository.holdMonth(java.time.YearMonth.of(2024, 7)))) {
            var change = pool.submit(() -> mvc.perform(postJson("/api/v1/customers/" + customer + "/contract-changes",
                    """
                    {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2024-07",
                     "reason": "合同变更补录"}""").with(asAdmin())).andReturn().getResponse().getStatus());
            // the change waits for the month (and only then re-prices July)
            var waiting = java.time.Instant.now().plusSeconds(30);
            while (jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                    .query(Long.class).single() == 0) {
                assertThat(java.time.Instant.now()).as("the change never waited").isBefore(waiting);
                assertThat(change.isDone()).as("the change did not wait for the month").isFalse();
                Thread.sleep(20);
            }
            assertThat(change.isDone()).isFalse();
            pricing.release();
            assertThat(change.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        String july = stored(customer, "2024-07");
        assertThat(num(july, "$.total")).isEqualTo(21052.50);
    }

    @Test
    void aBillRunBillsTheStationAndSaysWhyOthersWereSkipped() throws Exception {
        String residential = residential();
        String industrial = industrial();
        String noTariff = customer("RESIDENTIAL", null, null);
        String touWithoutRegisters = customer("RESIDENTIAL", "ZJ-RES-TOU", "8");
        String meter = meter(touWithoutRegisters, "1");
        importRegisters("meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw\n"
                + meter + ",2024-07-01T00:00,100,,,,,,\n" + meter + ",2024-08-01T00:00,300,,,,,,\n");
        String noReadings = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");

        String started = mvc.perform(postJson("/api/v1/bills/runs", "{\"month\": \"2024-07\"}").with(as(manager)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        String report = waitForRun(id);
        assertThat(JsonPath.<Integer>read(report, "$.run.customersSeen")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(report, "$.run.billsWritten")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(report, "$.run.skippedNoTariff")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(report, "$.run.skippedNoReadings")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(report, "$.run.skippedInvalid")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(report, "$.skipped[?(@.customerNumber == '" + touWithoutRegisters
                + "')].field")).containsExactly("kwh");
        assertThat(JsonPath.<List<String>>read(report, "$.skipped[?(@.customerNumber == '" + noTariff
                + "')].reason")).containsExactly("NO_TARIFF");
        assertThat(JsonPath.<List<String>>read(report, "$.skipped[?(@.customerNumber == '" + noReadings
                + "')].reason")).containsExactly("NO_READINGS");

        // the run's bills are the same as a single calculation's
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07", residential).with(as(manager))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(334.80)).andExpect(jsonPath("$.runId").value(id));
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07", industrial).with(as(manager))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(21472.50));
        // running again replaces them with the same bills
        long second = ((Number) JsonPath.read(mvc.perform(postJson("/api/v1/bills/runs", "{\"month\": \"2024-07\"}")
                .with(as(manager))).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(JsonPath.<Integer>read(waitForRun(second), "$.run.billsWritten")).isEqualTo(2);
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07", residential).with(as(manager)))
                .andExpect(jsonPath("$.total").value(334.80)).andExpect(jsonPath("$.runId").value(second));
        assertThat(ApiRequests.auditActions(mvc, "BillRun", String.valueOf(id)))
                .containsExactly("BILL_RUN_FINISHED", "BILL_RUN_REQUESTED");
    }

    private String waitForRun(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String report = mvc.perform(get("/api/v1/bills/runs/{id}", id).with(as(manager)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String state = JsonPath.read(report, "$.run.status");
            if (state.equals("DONE") || state.equals("FAILED")) {
                assertThat(state).as(report).isEqualTo("DONE");
                return report;
            }
            assertThat(Instant.now()).as("bill run did not finish").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void billsRespectScopeAndRefuseBadInput() throws Exception {
        String customer = residential();
        String outsider = Fixtures.unique("bout");
        fixtures.user(outsider, "HQ", Role.AGENT);
        String otherStation = Fixtures.unique("BO");
        fixtures.unit(otherStation, OrgUnitKind.SUPPLY_STATION, "HQ");
        String stranger = Fixtures.unique("bstr");
        fixtures.user(stranger, otherStation, Role.AGENT);
        calculate(customer, "2024-07", asAdmin());
        // an agent of another station sees no such customer
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07", customer).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/{n}/bills/2024-07", customer).with(as(stranger))).andExpect(status().isNotFound());
        // a bill not calculated yet is 404; explaining against a month without a bill names compareTo
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-05", customer).with(asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-07/explain", customer).param("compareTo", "2024-05").with(asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("compareTo"));
        mvc.perform(get("/api/v1/customers/{n}/bills/2024-7x", customer).with(asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        // a month that has not ended can't be billed
        mvc.perform(postJson("/api/v1/bills/runs", "{\"month\": \"2999-01\"}").with(as(manager)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(postJson("/api/v1/bills/runs", "{}").with(as(manager)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        // an agent may not start a run; a customer without readings for the month is a 400 naming month
        mvc.perform(postJson("/api/v1/bills/runs", "{\"month\": \"2024-07\"}").with(as(outsider)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customers/{n}/bills/2023-03", customer).with(asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
    }
}
