package org.gridcare.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.ApiRequests;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Savings advice and service plans against numbers worked out by hand: a night-heavy residential customer on the
 * Zhejiang flat tariff is advised to take TOU, a daytime one is not, a two-part customer whose demand stays far
 * below capacity is advised to pay by demand; a plan is recorded on a consultation, carried out through a
 * SERVICE_APPLICATION order and evaluated when the clock passes its period. Advice is computed at 2025-03-10, on
 * March 2024 – February 2025 (7 months of 31 days, 4 of 30, February 2025 of 28).
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanTests {

    static final Instant ADVICE_AT = Instant.parse("2025-03-10T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired PlanEvaluator evaluator;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    PlanWorld world;
    String station;
    String agent;
    String inspector;
    String fieldStaff;
    String outsider;
    String dispatcher;
    String supervisor;
    String night;
    String night2;
    String daytime;
    String industry;

    @BeforeAll
    void world() throws Exception {
        clock.reset();
        world = new PlanWorld(mvc);
        fixtures.root();
        String city = Fixtures.unique("PC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = Fixtures.unique("PS");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        String otherStation = Fixtures.unique("PO");
        fixtures.unit(otherStation, OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("pagent");
        fixtures.user(agent, station, Role.AGENT);
        inspector = Fixtures.unique("pinsp");
        fixtures.user(inspector, station, Role.INSPECTOR);
        fieldStaff = Fixtures.unique("pfield");
        fixtures.user(fieldStaff, station, Role.FIELD_STAFF);
        dispatcher = Fixtures.unique("pdisp");
        fixtures.user(dispatcher, station, Role.DISPATCHER);
        supervisor = Fixtures.unique("psup");
        fixtures.user(supervisor, station, Role.SUPERVISOR);
        outsider = Fixtures.unique("pout");
        fixtures.user(outsider, otherStation, Role.AGENT);

        // night-heavy: every day 3 kWh at 03:00 (valley) and 1 kWh at 12:00 (peak), March 2024 – June 2025
        night = world.customer(station, "RESIDENTIAL", "ZJ-RES-FLAT", "8");
        String nightMeter = world.meter(night);
        world.importAndWait("INTERVAL", PlanWorld.daily(nightMeter, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 6, 30),
                new int[] {3, 12}, new String[] {"3", "1"}));
        night2 = world.customer(station, "RESIDENTIAL", "ZJ-RES-FLAT", "8");
        world.importAndWait("INTERVAL", PlanWorld.daily(world.meter(night2), LocalDate.of(2024, 3, 1),
                LocalDate.of(2025, 2, 28), new int[] {3, 12}, new String[] {"3", "1"}));
        // daytime: 2 kWh at 12:00 every day
        daytime = world.customer(station, "RESIDENTIAL", "ZJ-RES-FLAT", "8");
        String dayMeter = world.meter(daytime);
        world.importAndWait("INTERVAL", PlanWorld.daily(dayMeter, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 28),
                new int[] {12}, new String[] {"2"}));
        // two-part, 400 kVA: 10,000 kWh a month (peak 4000, flat 3000, valley 3000), maximum demand 50 kW
        industry = world.customer(station, "LARGE_INDUSTRY", "EXAMPLE-LI-TOU", "400");
        String industryMeter = world.meter(industry);
        StringBuilder registers = new StringBuilder("meterNumber,readAt,total,criticalPeak,peak,flat,valley,reactiveKvarh,maxDemandKw\n");
        for (int k = 0; k <= 12; k++) {
            registers.append("%s,%s,%d,0,%d,%d,%d,,%s\n".formatted(industryMeter, LocalDate.of(2024, 3, 1).plusMonths(k)
                    + "T00:00", 10000 * k, 4000 * k, 3000 * k, 3000 * k, k == 0 ? "" : "50"));
        }
        world.importAndWait("REGISTER", registers.toString());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RequestPostProcessor signedIn(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(accounts.loadUserByUsername(username));
    }

    private String advice(String customer, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/customers/{n}/advice", customer).with(who).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static double num(String json, String path) {
        return ((Number) JsonPath.read(json, path)).doubleValue();
    }

    @Test
    void aNightHeavyResidentialCustomerIsAdvisedToTakeTimeOfUse() throws Exception {
        clock.set(ADVICE_AT);
        String advice = advice(night, as(agent));
        assertThat(JsonPath.<String>read(advice, "$.from")).isEqualTo("2024-03");
        assertThat(JsonPath.<String>read(advice, "$.to")).isEqualTo("2025-02");
        assertThat((Integer) JsonPath.read(advice, "$.monthsWithData")).isEqualTo(12);
        // flat: 4 kWh a day × 0.538 — 31 days 124 kWh = 66.71, 30 days 120 = 64.56, 28 days 112 = 60.26
        //  7 × 66.71 + 4 × 64.56 + 60.26 = 785.47
        assertThat(num(advice, "$.currentCost")).isEqualTo(785.47);
        assertThat(JsonPath.<String>read(advice, "$.options[0].key")).isEqualTo("TARIFF_SWITCH:ZJ-RES-TOU");
        assertThat(JsonPath.<Boolean>read(advice, "$.options[0].advised")).isTrue();
        // TOU: valley 3 kWh a day × 0.288, peak 1 × 0.568, each line rounded —
        //  31 days 93 × 0.288 = 26.78 + 31 × 0.568 = 17.61 → 44.39; 30 days 25.92 + 17.04 = 42.96;
        //  28 days 24.19 + 15.90 = 40.09 → 7 × 44.39 + 4 × 42.96 + 40.09 = 522.66; saving 785.47 − 522.66 = 262.81
        assertThat(num(advice, "$.options[0].proposedCost")).isEqualTo(522.66);
        assertThat(num(advice, "$.options[0].annualSaving")).isEqualTo(262.81);
        assertThat((Integer) JsonPath.read(advice, "$.options[0].months")).isEqualTo(12);
        // the calculation is the billing engine's: March 2024 on both tariffs, line by line
        assertThat(JsonPath.<String>read(advice, "$.options[0].calculation[0].month")).isEqualTo("2024-03");
        assertThat(JsonPath.<String>read(advice, "$.options[0].calculation[0].split")).isEqualTo("INTERVAL");
        assertThat(JsonPath.<List<Double>>read(advice, "$.options[0].calculation[0].current.lines[*].amount"))
                .containsExactly(66.71);
        assertThat(JsonPath.<List<String>>read(advice, "$.options[0].calculation[0].proposed.lines[*].period"))
                .containsExactly("PEAK", "VALLEY");
        assertThat(JsonPath.<List<Integer>>read(advice, "$.options[0].calculation[0].proposed.lines[*].quantity"))
                .containsExactly(31, 93);
        assertThat(num(advice, "$.options[0].calculation[0].saving")).isEqualTo(22.32);
        assertThat(JsonPath.<List<String>>read(advice, "$.options[0].assumptions")).isNotEmpty();
        // tier awareness: information at the end, never advised; 2025 so far: January + February = 236 kWh, tier 1
        assertThat(JsonPath.<String>read(advice, "$.options[1].kind")).isEqualTo("TIER_AWARENESS");
        assertThat(JsonPath.<Boolean>read(advice, "$.options[1].advised")).isFalse();
        assertThat(num(advice, "$.options[1].tier.kwhYearToDate")).isEqualTo(236.0);
        assertThat(num(advice, "$.options[1].tier.kwhToNextTier")).isEqualTo(2524.0);
        assertThat(num(advice, "$.options[1].tier.projectedAnnualKwh")).isEqualTo(1460.0);
        // no load shift on a flat tariff
        assertThat(JsonPath.<List<String>>read(advice, "$.options[*].kind")).doesNotContain("PEAK_SHIFT");
    }

    @Test
    void aDaytimeResidentialCustomerIsNotAdvisedToTakeTimeOfUse() throws Exception {
        clock.set(ADVICE_AT);
        String advice = advice(daytime, as(agent));
        // 2 kWh at noon: flat 62 × 0.538 = 33.36 against TOU 62 × 0.568 = 35.22 in a 31-day month — TOU costs more
        // (on Zhejiang prices TOU pays off once more than (0.568 − 0.538) / (0.568 − 0.288) = 10.7 % is in the valley)
        List<String> keys = JsonPath.read(advice, "$.options[?(@.kind == 'TARIFF_SWITCH')].key");
        assertThat(keys).containsExactly("TARIFF_SWITCH:ZJ-RES-TOU");
        List<Boolean> advised = JsonPath.read(advice, "$.options[?(@.kind == 'TARIFF_SWITCH')].advised");
        assertThat(advised).containsExactly(false);
        // 7 × (33.36 − 35.22) + 4 × (60 × 0.538 = 32.28 − 60 × 0.568 = 34.08) + (30.13 − 31.81) = −13.02 − 7.20 − 1.68
        List<Double> saving = JsonPath.read(advice, "$.options[?(@.kind == 'TARIFF_SWITCH')].annualSaving");
        assertThat(saving).containsExactly(-21.90);
        // and it cannot be made a plan
        String order = world.consultation(daytime);
        mvc.perform(postJson("/api/v1/customers/" + daytime + "/plans", """
                        {"orderNumber": "%s", "options": ["TARIFF_SWITCH:ZJ-RES-TOU"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("options"));
    }

    @Test
    void aTwoPartCustomerFarBelowCapacityIsAdvisedToPayByDemand() throws Exception {
        clock.set(ADVICE_AT);
        String advice = advice(industry, as(agent));
        assertThat(JsonPath.<String>read(advice, "$.basis")).isEqualTo("CAPACITY");
        // by capacity 400 kVA × 26 = 10,400 a month; by demand 50 kW × 40 = 2,000; energy the same either way:
        // 12 × 8,400 = 100,800
        assertThat(JsonPath.<String>read(advice, "$.options[0].key")).isEqualTo("BASIC_CHARGE_BASIS:DEMAND");
        assertThat(JsonPath.<Boolean>read(advice, "$.options[0].advised")).isTrue();
        assertThat(num(advice, "$.options[0].annualSaving")).isEqualTo(100800.00);
        List<String> basisLines = JsonPath.read(advice, "$.options[0].calculation[0].proposed.lines[?(@.kind == 'BASIC_CHARGE')].basis");
        assertThat(basisLines).containsExactly("DEMAND");
        List<Double> basic = JsonPath.read(advice, "$.options[0].calculation[0].proposed.lines[?(@.kind == 'BASIC_CHARGE')].amount");
        assertThat(basic).containsExactly(2000.00);
        // energy of a month: 4000 × 1.00 + 3000 × 0.60 + 3000 × 0.30 = 6,700; total by capacity 17,100
        assertThat(num(advice, "$.options[0].calculation[0].current.total")).isEqualTo(17100.00);
        // moving 10 % of peak to the valley: 400 kWh × (1.00 − 0.30) = 280 a month, 3,360 a year
        assertThat(JsonPath.<String>read(advice, "$.options[1].key")).isEqualTo("PEAK_SHIFT");
        assertThat(num(advice, "$.options[1].annualSaving")).isEqualTo(3360.00);
        // a share given by the agent: 25 % → 1,000 kWh × 0.70 = 700 a month
        String quarter = mvc.perform(get("/api/v1/customers/{n}/advice", industry).param("peakShiftShare", "0.25")
                .with(as(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Double> shifted = JsonPath.read(quarter, "$.options[?(@.kind == 'PEAK_SHIFT')].annualSaving");
        assertThat(shifted).containsExactly(8400.00);
        // no reactive energy measured: the power factor option says why it is missing
        List<String> missing = JsonPath.read(advice, "$.unavailable[*].kind");
        assertThat(missing).contains("POWER_FACTOR");
    }

    @Test
    void aPlanIsCarriedOutThroughAnApplicationAndEvaluatedWhenItsPeriodHasPassed() throws Exception {
        String order = world.consultation(night);
        clock.set(ADVICE_AT);
        String plan = mvc.perform(postJson("/api/v1/customers/" + night + "/plans", """
                        {"orderNumber": "%s", "options": ["TARIFF_SWITCH:ZJ-RES-TOU"], "note": "客户同意"}""".formatted(order))
                        .with(as(agent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(plan, "$.id")).longValue();
        assertThat(JsonPath.<String>read(plan, "$.status")).isEqualTo("RECORDED");
        assertThat(JsonPath.<String>read(plan, "$.tariffAfter")).isEqualTo("ZJ-RES-TOU");
        assertThat(num(plan, "$.estimatedSaving")).isEqualTo(262.81);
        // one open plan per customer
        mvc.perform(postJson("/api/v1/customers/" + night + "/plans", """
                        {"orderNumber": "%s", "options": ["TARIFF_SWITCH:ZJ-RES-TOU"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isConflict());
        // carrying it out needs a contact for the application
        mvc.perform(postJson("/api/v1/plans/" + id + "/execute", "{}").with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("contactName", "contactPhone")));
        String executed = mvc.perform(postJson("/api/v1/plans/" + id + "/execute", """
                        {"contactName": "王先生", "contactPhone": "13800001234"}""").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(executed, "$.status")).isEqualTo("EXECUTED");
        String application = JsonPath.read(executed, "$.applicationOrder");
        mvc.perform(get("/api/v1/work-orders/{n}", application).with(asAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("SERVICE_APPLICATION"))
                .andExpect(jsonPath("$.customerNumber").value(night))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString("ZJ-RES-TOU")));
        // executed in March 2025: April–June are evaluated from 4 July 2025 00:00 (Asia/Shanghai)
        assertThat(JsonPath.<String>read(executed, "$.evaluationDueAt")).isEqualTo("2025-07-03T16:00:00Z");
        mvc.perform(postJson("/api/v1/plans/" + id + "/execute", """
                        {"contactName": "王先生", "contactPhone": "13800001234"}""").with(as(agent)))
                .andExpect(status().isConflict());
        // nothing changes while the application is worked; archived on 20 March 2025, the change is in force from April
        clock.set(Instant.parse("2025-03-20T02:00:00Z"));
        world.act(application, "dispatch", as(dispatcher), "\"handler\": \"%s\"".formatted(fieldStaff));
        world.act(application, "accept", as(fieldStaff), "");
        world.act(application, "reply", as(fieldStaff), "\"replyText\": \"已办理电价变更，下月起执行\", \"result\": \"已办结\"");
        mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(jsonPath("$.status").value("EXECUTED"))
                .andExpect(jsonPath("$.applicationStatus").value("REPLIED"));
        mvc.perform(get("/api/v1/customers/{n}/contract", night).with(as(agent))).andExpect(jsonPath("$.length()").value(0));
        world.act(application, "review", as(supervisor), "\"approved\": true");
        world.act(application, "visit", as(supervisor), "\"result\": \"SATISFIED\", \"comment\": \"回访满意\"");
        world.act(application, "close", as(supervisor), "");
        String inEffect = mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(inEffect, "$.status")).isEqualTo("IN_EFFECT");
        assertThat(JsonPath.<String>read(inEffect, "$.effectiveFrom")).isEqualTo("2025-04");
        assertThat(JsonPath.<String>read(inEffect, "$.applicationStatus")).isEqualTo("CLOSED");
        // April–June 2025 evaluated from 4 July 2025 00:00 (Asia/Shanghai)
        assertThat(JsonPath.<String>read(inEffect, "$.evaluationDueAt")).isEqualTo("2025-07-03T16:00:00Z");
        // the customer's contract: the archive's flat tariff, then TOU from April 2025, referencing the application
        String contract = mvc.perform(get("/api/v1/customers/{n}/contract", night).with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(contract, "$[*].tariffCode")).containsExactly("ZJ-RES-FLAT", "ZJ-RES-TOU");
        assertThat(JsonPath.<String>read(contract, "$[1].from")).isEqualTo("2025-04");
        assertThat(JsonPath.<String>read(contract, "$[1].reference")).isEqualTo(application);
        // still March: the archive's tariff now is the flat one
        mvc.perform(get("/api/v1/customers/{n}", night).with(asAdmin())).andExpect(jsonPath("$.tariffCode").value("ZJ-RES-FLAT"));

        clock.set(Instant.parse("2025-07-03T15:59:00Z"));
        evaluator.evaluateDue(clock.instant());
        mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(jsonPath("$.status").value("IN_EFFECT"));

        clock.set(Instant.parse("2025-07-03T16:00:00Z"));
        evaluator.evaluateDue(clock.instant());
        evaluator.evaluateDue(clock.instant());
        String evaluated = mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(evaluated, "$.status")).isEqualTo("EVALUATED");
        assertThat(JsonPath.<String>read(evaluated, "$.evaluation.outcome")).isEqualTo("REALISED");
        assertThat((Integer) JsonPath.read(evaluated, "$.evaluation.months")).isEqualTo(3);
        // April–June 2024 on the flat tariff: 64.56 + 66.71 + 64.56 = 195.83
        assertThat(num(evaluated, "$.evaluation.costBefore")).isEqualTo(195.83);
        // April–June 2025 on TOU: 42.96 + 44.39 + 42.96 = 130.31; without the plan (flat) 195.83; saved 65.52
        assertThat(num(evaluated, "$.evaluation.costAfter")).isEqualTo(130.31);
        assertThat(num(evaluated, "$.evaluation.counterfactual")).isEqualTo(195.83);
        assertThat(num(evaluated, "$.evaluation.realisedSaving")).isEqualTo(65.52);
        assertThat(JsonPath.<List<Double>>read(evaluated, "$.evaluation.details[*].saving")).containsExactly(21.60, 22.32, 21.60);
        assertThat(ApiRequests.auditActions(mvc, "ServicePlan", String.valueOf(id)))
                .containsExactly("PLAN_EVALUATED", "PLAN_IN_EFFECT", "PLAN_EXECUTED", "PLAN_RECORDED");
        assertThat(ApiRequests.auditActions(mvc, "SupplyContract", night)).containsExactly("CONTRACT_CHANGED");

        // counted per unit
        String savings = mvc.perform(get("/api/v1/plans/savings").param("from", "2025-01-01").param("to", "2025-12-31")
                .with(as(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Double> realised = JsonPath.read(savings, "$[?(@.unitCode == '%s')].realised".formatted(station));
        assertThat(realised).containsExactly(65.52);
        // the order's plans
        mvc.perform(get("/api/v1/work-orders/{n}/plans", order).with(as(agent))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        // and on the home page of the station's supervisor (this year's plans in scope), not on the agent's
        assertThat(mvc.perform(get("/").with(signedIn(supervisor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("gc-plan-widget", "服务方案成效", "65.52");
        assertThat(mvc.perform(get("/").with(signedIn(agent))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("gc-plan-widget");
    }

    @Test
    void aCancelledApplicationLeavesTheContractAndThePlanIsNeverEvaluated() throws Exception {
        clock.set(ADVICE_AT);
        String order = world.consultation(industry);
        String plan = mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": ["BASIC_CHARGE_BASIS:DEMAND"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(plan, "$.id")).longValue();
        String executed = mvc.perform(postJson("/api/v1/plans/" + id + "/execute", """
                        {"contactName": "李经理", "contactPhone": "13800001234"}""").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String application = JsonPath.read(executed, "$.applicationOrder");
        world.act(application, "cancel", as(agent), "\"reason\": \"客户撤回申请\"");
        mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(jsonPath("$.status").value("NOT_CARRIED_OUT"))
                .andExpect(jsonPath("$.applicationStatus").value("CANCELLED"));
        mvc.perform(get("/api/v1/customers/{n}/contract", industry).with(as(agent))).andExpect(jsonPath("$.length()").value(0));
        clock.set(Instant.parse("2025-12-01T00:00:00Z"));
        evaluator.evaluateDue(clock.instant());
        mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(jsonPath("$.status").value("NOT_CARRIED_OUT"))
                .andExpect(jsonPath("$.evaluation").doesNotExist());
        assertThat(ApiRequests.auditActions(mvc, "ServicePlan", String.valueOf(id)))
                .containsExactly("PLAN_NOT_CARRIED_OUT", "PLAN_EXECUTED", "PLAN_RECORDED");
    }

    @Test
    void anApplicationNotCompletedByTheDueDateIsReportedNotEvaluated() throws Exception {
        String order = world.consultation(night2);
        clock.set(ADVICE_AT);
        String plan = mvc.perform(postJson("/api/v1/customers/" + night2 + "/plans", """
                        {"orderNumber": "%s", "options": ["TARIFF_SWITCH:ZJ-RES-TOU"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(plan, "$.id")).longValue();
        String executed = mvc.perform(postJson("/api/v1/plans/" + id + "/execute", """
                        {"contactName": "王先生", "contactPhone": "13800001234"}""").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String application = JsonPath.read(executed, "$.applicationOrder");
        clock.set(Instant.parse("2025-07-03T16:00:00Z"));
        evaluator.evaluateDue(clock.instant());
        String reported = mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(reported, "$.status")).isEqualTo("EVALUATED");
        assertThat(JsonPath.<String>read(reported, "$.evaluation.outcome")).isEqualTo("NOT_COMPLETED");
        assertThat(reported).doesNotContain("realisedSaving").doesNotContain("costAfter");

        // archived late (10 July 2025): the contract still changes, from August; evaluated then from August
        clock.set(Instant.parse("2025-07-10T02:00:00Z"));
        world.complete(application, as(dispatcher), fieldStaff, as(fieldStaff), as(supervisor));
        String late = mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(late, "$.status")).isEqualTo("IN_EFFECT");
        assertThat(JsonPath.<String>read(late, "$.effectiveFrom")).isEqualTo("2025-08");
        assertThat(late).doesNotContain("\"evaluation\"");
        // August–October evaluated from 4 November 2025 00:00 (Asia/Shanghai)
        assertThat(JsonPath.<String>read(late, "$.evaluationDueAt")).isEqualTo("2025-11-03T16:00:00Z");
        mvc.perform(get("/api/v1/customers/{n}/contract", night2).with(as(agent)))
                .andExpect(jsonPath("$[1].from").value("2025-08")).andExpect(jsonPath("$[1].tariffCode").value("ZJ-RES-TOU"));
        clock.set(Instant.parse("2025-11-03T16:00:00Z"));
        evaluator.evaluateDue(clock.instant());
        // no readings after February 2025 for this customer: measured honestly as no data
        mvc.perform(get("/api/v1/plans/{id}", id).with(as(agent))).andExpect(jsonPath("$.evaluation.outcome").value("NO_DATA"))
                .andExpect(jsonPath("$.evaluation.afterFrom").value("2025-08"))
                .andExpect(jsonPath("$.evaluation.afterTo").value("2025-10"));
    }

    @Test
    void rolesAndScopeDecideWhoSeesAndPlans() throws Exception {
        clock.set(ADVICE_AT);
        mvc.perform(get("/api/v1/customers/{n}/advice", night).with(as(fieldStaff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/{n}/advice", night).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{n}/advice", night).with(as(inspector))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/{n}/advice", night)).andExpect(status().isUnauthorized());
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "X", "options": ["PEAK_SHIFT"]}""").with(as(inspector)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/{n}/plans", night).with(as(outsider))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        clock.set(ADVICE_AT);
        mvc.perform(get("/api/v1/customers/{n}/advice", "40000000000").with(as(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{n}/advice", industry).param("peakShiftShare", "0").with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peakShiftShare"));
        mvc.perform(get("/api/v1/customers/{n}/advice", industry).param("peakShiftShare", "1.5").with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peakShiftShare"));
        mvc.perform(get("/api/v1/customers/{n}/advice", industry).param("peakShiftShare", "much").with(as(agent)))
                .andExpect(status().isBadRequest());
        String order = world.consultation(industry);
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": []}""".formatted(order)).with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("options"));
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "GD-NO-SUCH", "options": ["PEAK_SHIFT"]}""").with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
        String otherOrder = world.consultation(night);
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": ["PEAK_SHIFT"]}""".formatted(otherOrder)).with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": ["NO_SUCH"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("options"));
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": ["PEAK_SHIFT"], "peakShiftShare": 2}""".formatted(order)).with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peakShiftShare"));
        mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", "{\"orderNumber\": ").with(as(agent)))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/plans/999999999/execute", "{}").with(as(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/savings").param("from", "2025-02-01").param("to", "2025-01-01").with(as(agent)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        // nothing was recorded by the refused requests
        mvc.perform(get("/api/v1/work-orders/{n}/plans", order).with(as(agent)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aRecordedPlanCanBeCancelledButNotTwice() throws Exception {
        clock.set(ADVICE_AT);
        String order = world.consultation(industry);
        String plan = mvc.perform(postJson("/api/v1/customers/" + industry + "/plans", """
                        {"orderNumber": "%s", "options": ["BASIC_CHARGE_BASIS:DEMAND"]}""".formatted(order)).with(as(agent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(plan, "$.id")).longValue();
        assertThat(JsonPath.<String>read(plan, "$.basisAfter")).isEqualTo("DEMAND");
        assertThat(num(plan, "$.estimatedSaving")).isEqualTo(100800.00);
        mvc.perform(postJson("/api/v1/plans/" + id + "/cancel", "{}").with(as(agent)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(postJson("/api/v1/plans/" + id + "/cancel", "{}").with(as(agent))).andExpect(status().isConflict());
        assertThat(ApiRequests.auditActions(mvc, "ServicePlan", String.valueOf(id)))
                .containsExactly("PLAN_CANCELLED", "PLAN_RECORDED");
    }

    @Test
    void theConsoleShowsTheAdviceRecordsAPlanAndShowsItOnTheOrder() throws Exception {
        clock.set(ADVICE_AT);
        var session = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(accounts.loadUserByUsername(agent));
        String order = world.consultation(industry);
        String page = mvc.perform(get("/plans/customers/{n}", industry).param("order", order).with(session)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("基本电费改为按需量计收").contains("100800.00").contains("data-option=\"BASIC_CHARGE_BASIS:DEMAND\"")
                .contains("name=\"options\"").contains(order).doesNotContain("<script>alert");
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/plans/customers/{n}", industry).with(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("orderNumber", order).param("options", "BASIC_CHARGE_BASIS:DEMAND").param("note", "<script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/plans/\\d+");
        String detail = mvc.perform(get(location).with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("EXAMPLE-LI-TOU · 按容量 → EXAMPLE-LI-TOU · 按需量").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        String panel = mvc.perform(get("/plans/orders/{n}/panel", order).param("customer", industry).with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains(location).contains("100800.00");
        mvc.perform(get("/plans/customers/{n}/panel", industry).with(session)).andExpect(status().isOk());
        mvc.perform(get("/plans").with(session)).andExpect(status().isOk());
        // an order page of a consultation loads the panel
        mvc.perform(get("/work-orders/{n}", order).with(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/plans/orders/" + order + "/panel")));
        // a bad share is a message on the page, not an error page
        mvc.perform(get("/plans/customers/{n}", industry).param("peakShiftShare", "7").with(session))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(org.hamcrest.Matchers.containsString("gc-advice-share-error")));
        // without CSRF nothing is recorded
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/cancel").with(session))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/cancel").with(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        // field staff have no advice page
        mvc.perform(get("/plans/customers/{n}", industry).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername(fieldStaff)))).andExpect(status().isForbidden());
    }
}
