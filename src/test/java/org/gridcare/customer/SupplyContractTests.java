package org.gridcare.customer;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.as;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.ApiRequests.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supply contract's history: a change validated against the tariff schedules (naming the field), audited, in
 * force from the first day of a billing month — the archive's tariff follows when that month comes — and, once a
 * history exists, the only way the tariff changes.
 */
@GridCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplyContractTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired SupplyContracts contracts;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    String station;
    String agent;
    String inspector;
    String outsider;

    @BeforeAll
    void world() {
        fixtures.root();
        String city = Fixtures.unique("KC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        station = Fixtures.unique("KS");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        String other = Fixtures.unique("KO");
        fixtures.unit(other, OrgUnitKind.SUPPLY_STATION, city);
        agent = Fixtures.unique("kagent");
        fixtures.user(agent, station, Role.AGENT);
        inspector = Fixtures.unique("kinsp");
        fixtures.user(inspector, station, Role.INSPECTOR);
        outsider = Fixtures.unique("kout");
        fixtures.user(outsider, other, Role.AGENT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String customer(String kind, String tariff, String capacity) throws Exception {
        String number = "45" + String.format("%09d", Math.abs(System.nanoTime() % 1_000_000_000L));
        mvc.perform(postJson("/api/v1/customers", """
                {"number": "%s", "name": "合同测试", "kind": "%s", "voltageLevel": "AC10KV", "address": "杭州市滨江区江南大道3号",
                 "phone": "13800001234", "unitCode": "%s", "tariffCode": "%s"%s}
                """.formatted(number, kind, station, tariff, capacity == null ? "" : ", \"capacityKva\": " + capacity))
                .with(asAdmin())).andExpect(status().isCreated());
        return number;
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor console(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(accounts.loadUserByUsername(username));
    }

    private String change(String number, String body, int expected) throws Exception {
        var response = mvc.perform(postJson("/api/v1/customers/" + number + "/contract-changes", body).with(as(agent))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse();
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(expected);
        return content;
    }

    @Test
    void aRefusedChangeLeavesTheCallersTransactionToCommit() throws Exception {
        // the plan module changes the contract inside the transaction that closes the application order: a refusal
        // must not doom that transaction (the order still closes, the refusal is recorded)
        String residential = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");
        var nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
        nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("update customer set name = '合同测试（已改）' where number = :n").param("n", residential).update();
            // refused by its own validation, and by the archive lookup (a proxied call that marks rollback-only)
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> nested.executeWithoutResult(s -> contracts.changeContract(
                            residential, "NO-SUCH", null, LocalDate.of(2030, 1, 1), "客户申请", null,
                            org.gridcare.shared.security.SystemActor.INSTANCE)))
                    .isInstanceOf(org.gridcare.shared.InvalidInputException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> nested.executeWithoutResult(s -> contracts.changeContract(
                            "4599999999999", "ZJ-RES-TOU", null, LocalDate.of(2030, 1, 1), "客户申请", null,
                            org.gridcare.shared.security.SystemActor.INSTANCE)))
                    .isInstanceOf(org.gridcare.shared.NotFoundException.class);
        });
        assertThat(jdbc.sql("select name from customer where number = :n").param("n", residential).query(String.class)
                .single()).isEqualTo("合同测试（已改）");
        assertThat(contracts.history(residential, org.gridcare.shared.security.SystemActor.INSTANCE)).isEmpty();
    }

    @Test
    void badChangesAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        String residential = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");
        String industry = customer("LARGE_INDUSTRY", "EXAMPLE-LI-TOU", null);
        String unknown = change(residential, """
                {"tariffCode": "NO-SUCH", "effectiveFrom": "2025-04-01", "reason": "客户申请"}""", 400);
        assertThat(JsonPath.<List<String>>read(unknown, "$.errors[*].field")).containsExactly("tariffCode");
        assertThat(JsonPath.<String>read(unknown, "$.errors[0].message")).contains("NO-SUCH");
        String basis = change(residential, """
                {"tariffCode": "ZJ-RES-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2025-04-01", "reason": "客户申请"}""", 400);
        assertThat(JsonPath.<List<String>>read(basis, "$.errors[*].field")).containsExactly("basicChargeBasis");
        String day = change(residential, """
                {"tariffCode": "ZJ-RES-TOU", "effectiveFrom": "2025-04-15"}""", 400);
        assertThat(JsonPath.<List<String>>read(day, "$.errors[*].field")).containsExactlyInAnyOrder("effectiveFrom", "reason");
        String malformed = change(residential, """
                {"tariffCode": "ZJ-RES-TOU", "basicChargeBasis": "HALF", "effectiveFrom": "April", "reason": "x"}""", 400);
        assertThat(JsonPath.<List<String>>read(malformed, "$.errors[*].field"))
                .containsExactlyInAnyOrder("effectiveFrom", "basicChargeBasis");
        // by capacity needs a contracted capacity in the archive
        String noCapacity = change(industry, """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "CAPACITY", "effectiveFrom": "2025-04", "reason": "x"}""", 400);
        assertThat(JsonPath.<List<String>>read(noCapacity, "$.errors[*].field")).containsExactly("basicChargeBasis");
        mvc.perform(get("/api/v1/customers/{n}/contract", residential).with(as(agent)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        assertThat(ApiRequests.auditActions(mvc, "SupplyContract", residential)).isEmpty();
        // roles and scope
        mvc.perform(postJson("/api/v1/customers/" + residential + "/contract-changes", """
                {"tariffCode": "ZJ-RES-TOU", "effectiveFrom": "2025-04-01", "reason": "x"}""").with(as(inspector)))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/v1/customers/" + residential + "/contract-changes", """
                {"tariffCode": "ZJ-RES-TOU", "effectiveFrom": "2025-04-01", "reason": "x"}""").with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{n}/contract", residential).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{n}/contract", residential).with(as(inspector))).andExpect(status().isOk());
    }

    @Test
    void aChangeComesIntoForceInItsMonthAndIsAudited() throws Exception {
        clock.set(Instant.parse("2025-03-10T02:00:00Z"));
        String industry = customer("LARGE_INDUSTRY", "EXAMPLE-LI-TOU", "400");
        String history = change(industry, """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2025-04",
                 "reason": "需量远低于容量，客户申请按需量", "reference": "GD-TEST-1"}""", 200);
        // the archive's contract, then the change
        assertThat(JsonPath.<Integer>read(history, "$.length()")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(history, "$[*].tariffCode")).containsExactly("EXAMPLE-LI-TOU", "EXAMPLE-LI-TOU");
        assertThat(JsonPath.<List<String>>read(history, "$[*].from")).containsExactly("2025-04");
        assertThat(JsonPath.<List<String>>read(history, "$[*].basis")).containsExactly("DEMAND");
        assertThat(JsonPath.<String>read(history, "$[1].reference")).isEqualTo("GD-TEST-1");
        assertThat(JsonPath.<String>read(history, "$[1].createdBy")).isEqualTo(agent);
        // March: still by the archive's default; no basicChargeBasis in the JSON
        mvc.perform(get("/api/v1/customers/{n}", industry).with(asAdmin()))
                .andExpect(jsonPath("$.tariffCode").value("EXAMPLE-LI-TOU"))
                .andExpect(jsonPath("$.basicChargeBasis").doesNotExist());
        // the same change again writes nothing
        change(industry, """
                {"tariffCode": "EXAMPLE-LI-TOU", "basicChargeBasis": "DEMAND", "effectiveFrom": "2025-04-01", "reason": "重复"}""", 200);
        assertThat(ApiRequests.auditActions(mvc, "SupplyContract", industry)).containsExactly("CONTRACT_CHANGED");
        // April comes: the archive follows
        assertThat(contracts.rollOver(LocalDate.of(2025, 3, 31))).isZero();
        assertThat(contracts.rollOver(LocalDate.of(2025, 4, 1))).isPositive();
        mvc.perform(get("/api/v1/customers/{n}", industry).with(asAdmin()))
                .andExpect(jsonPath("$.basicChargeBasis").value("DEMAND"));
        assertThat(contracts.rollOver(LocalDate.of(2025, 4, 2))).isZero();
        assertThat(ApiRequests.auditActions(mvc, "SupplyContract", industry))
                .containsExactly("CONTRACT_IN_FORCE", "CONTRACT_CHANGED");
        // once the contract has a history its tariff changes only by a contract change
        String refused = mvc.perform(patch("/api/v1/customers/{n}", industry).with(asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tariffCode\": \"ZJ-RES-FLAT\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("tariffCode");
        mvc.perform(patch("/api/v1/customers/{n}", industry).with(asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"合同测试二\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aChangeForTheCurrentMonthIsInForceAtOnce() throws Exception {
        clock.set(Instant.parse("2025-03-10T02:00:00Z"));
        String residential = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");
        change(residential, """
                {"tariffCode": "ZJ-RES-TOU", "effectiveFrom": "2025-03-01", "reason": "客户申请峰谷电价"}""", 200);
        mvc.perform(get("/api/v1/customers/{n}", residential).with(asAdmin()))
                .andExpect(jsonPath("$.tariffCode").value("ZJ-RES-TOU"));
        assertThat(ApiRequests.auditActions(mvc, "SupplyContract", residential))
                .containsExactly("CONTRACT_IN_FORCE", "CONTRACT_CHANGED");
    }

    @Test
    void theCustomerPageShowsTheHistoryAndChangesTheContract() throws Exception {
        clock.set(Instant.parse("2025-03-10T02:00:00Z"));
        String residential = customer("RESIDENTIAL", "ZJ-RES-FLAT", "8");
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/customers/{n}/contract", residential).with(console(agent))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("tariffCode", "NO-SUCH").param("effectiveFrom", "2025-04").param("reason", "客户申请"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("电价“NO-SUCH”不存在").contains("gc-contract-form");
        mvc.perform(get("/api/v1/customers/{n}/contract", residential).with(as(agent))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/customers/{n}/contract", residential).with(console(agent))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("tariffCode", "ZJ-RES-TOU").param("basicChargeBasis", "").param("effectiveFrom", "2025-04")
                        .param("reason", "客户申请峰谷电价"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/customers/{n}", residential).with(console(agent)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("gc-customer-contract").contains("建档起").contains("2025-04").contains("ZJ-RES-TOU")
                .contains("客户申请峰谷电价");
    }
}
