package org.gridcare.billing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The billing pages render: tariffs (example marked), a tariff's versions, the calculator with its result and its errors, bill runs. */
@GridCareTest
class BillingConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    private RequestPostProcessor admin() {
        return user(accounts.loadUserByUsername("admin"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void tariffPagesShowTheSeededTariffsAndMarkTheExample() throws Exception {
        String list = page("/billing/tariffs");
        assertThat(list).contains("ZJ-RES-FLAT").contains("ZJ-RES-TOU").contains("EXAMPLE-LI-TOU").contains("示例");
        String detail = page("/billing/tariffs/EXAMPLE-LI-TOU");
        assertThat(detail).contains("id=\"gc-tariff-example\"").contains("26 元/kVA·月").contains("40 元/kW·月")
                .contains("1.25").contains("11:00–12:00").contains("7, 8, 9 月");
        assertThat(page("/billing/tariffs/ZJ-RES-TOU")).contains("2760").contains("0.05").contains("22:00–24:00");
        mvc.perform(get("/billing/tariffs/NOPE").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theCalculatorShowsTheLinesOrTheMessages() throws Exception {
        assertThat(page("/billing/quote")).contains("gc-quote-form");
        // 2600 before, 400 kWh: 160 × 0.538 = 86.08 + 240 × 0.588 = 141.12 = 227.20
        String result = mvc.perform(post("/billing/quote").with(admin()).with(csrf())
                        .param("tariffCode", "ZJ-RES-FLAT").param("periodStart", "2024-07-01").param("periodEnd", "2024-07-31")
                        .param("total", "400").param("annualKwhBefore", "2600"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).contains("gc-quote-result").contains("第2档电度电费").contains("141.12").contains("227.20");
        String bad = mvc.perform(post("/billing/quote").with(admin()).with(csrf())
                        .param("tariffCode", "ZJ-RES-TOU").param("periodStart", "2024-07-01").param("periodEnd", "2024-07-31")
                        .param("total", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("gc-quote-errors").contains("请输入数字").doesNotContain("gc-quote-result");
        String tou = mvc.perform(post("/billing/quote").with(admin()).with(csrf())
                        .param("tariffCode", "ZJ-RES-TOU").param("periodStart", "2024-07-01").param("periodEnd", "2024-07-31")
                        .param("total", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tou).contains("为分时电价，请填写各时段电量");
    }

    @Test
    void billRunsPageRefusesAMonthThatHasNotEnded() throws Exception {
        assertThat(page("/billing/runs")).contains("gc-run-form");
        String refused = mvc.perform(post("/billing/runs").with(admin()).with(csrf())
                        .param("month", YearMonth.now().plusMonths(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("gc-run-errors").contains("还没有结束");
    }
}
