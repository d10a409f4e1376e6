package org.gridcare.analytics;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.ApiRequests.asAdmin;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The dashboard's print page, table exports, form errors, home card and the administrator's rebuild. */
@GridCareTest
class KpiConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired UserDetailsService accounts;

    @Test
    void printPageTablesExportsFormErrorsAndHomeCards() throws Exception {
        clock.reset();
        KpiWorld world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customer = world.customer(world.stationB);
        String order = world.order(CONSULTATION, "CONSULTATION.TARIFF", customer);
        world.act(order, "close", world.agent, "replyText", "已解答");
        var manager = user(accounts.loadUserByUsername(world.manager));
        var agent = user(accounts.loadUserByUsername(world.agent));
        String scope = "period=month&unit=" + world.city.code();

        String print = mvc.perform(get("/kpis/print?" + scope).with(manager)).andReturn().getResponse()
                .getContentAsString();
        assertThat(print).contains("kpi-tiles", "供电服务指标报告", world.stationB.name()).doesNotContain("gc-sidebar");

        byte[] xlsx = mvc.perform(get("/kpis/export?table=breakdown&breakdown=unit&" + scope).with(manager))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);                 // header + station A + station B
            java.util.Map<String, String> received = new java.util.HashMap<>();
            for (int r = 1; r <= 2; r++) {
                received.put(cells.formatCellValue(sheet.getRow(r).getCell(0)),
                        cells.formatCellValue(sheet.getRow(r).getCell(1)));
            }
            assertThat(received).containsEntry(world.stationB.name(), "1").containsEntry(world.stationA.name(), "0");
        }

        String bad = mvc.perform(get("/kpis?period=custom&from=2026-02-01&to=2026-01-01").with(manager))
                .andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("kpi-errors", "早于开始日期").doesNotContain("kpi-tiles");

        String managerHome = mvc.perform(get("/").with(manager)).andReturn().getResponse().getContentAsString();
        assertThat(managerHome).contains("gc-widget-kpis", "本月服务指标");
        String agentHome = mvc.perform(get("/").with(agent)).andReturn().getResponse().getContentAsString();
        assertThat(agentHome).contains("gc-widget-kpis", "本月我的指标");
        String agentBoard = mvc.perform(get("/kpis").with(agent)).andReturn().getResponse().getContentAsString();
        assertThat(agentBoard).contains("本人指标").doesNotContain("kpi-unit-ranking");

        String settings = mvc.perform(get("/admin/kpis").with(manager)).andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("kpi-targets", "RESPONSE_24H");
        assertThat(mvc.perform(post("/admin/kpis/rebuild").with(manager).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        var rebuilt = world.read(mvc.perform(post("/api/v1/kpis/facts/rebuild").with(asAdmin())).andReturn()
                .getResponse());
        assertThat(rebuilt.get("orders").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(org.gridcare.ApiRequests.auditActions(mvc, "KpiFacts", "all")).contains("KPI_FACTS_REBUILT");
    }
}
