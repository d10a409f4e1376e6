package org.gridcare.analytics;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.console.ConsoleBrowser;
import org.gridcare.shared.BusinessTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcare.workorder.WorkOrderType.COMPLAINT;
import static org.gridcare.workorder.WorkOrderType.CONSULTATION;

/**
 * A manager opens the KPI dashboard in a real browser, sees the tiles against their targets and the trend
 * chart, drills into a number, and exports the order list: the workbook opens with Apache POI and holds the
 * rows the page shows.
 */
@GridCareTest
class KpiDashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void aManagerSeesTilesAndTrendDrillsIntoANumberAndExportsTheOrdersBehindIt() throws Exception {
        clock.reset();
        KpiWorld world = new KpiWorld(fixtures, mvc, json, clock, jdbc, events, transactions);
        String customer = world.customer(world.stationA);
        List<String> orders = new ArrayList<>();
        String consultation = world.order(CONSULTATION, "CONSULTATION.TARIFF", customer);
        world.act(consultation, "close", world.agent, "replyText", "已解答");
        orders.add(consultation);
        orders.add(world.order(COMPLAINT, "COMPLAINT.SERVICE", customer));
        orders.add(world.order(CONSULTATION, "CONSULTATION.OTHER", null));
        LocalDate today = LocalDate.now(BusinessTime.ZONE);

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(world.manager, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/kpis?period=custom&from=" + today.minusDays(6) + "&to=" + today + "&unit="
                    + world.city.code());
            browser.waitForText(By.id("kpi-tile-ORDERS_RECEIVED"), "受理工单量");
            assertThat(browser.text(By.id("kpi-value-ORDERS_RECEIVED"))).isEqualTo("3");
            assertThat(browser.text(By.id("kpi-tile-RESPONSE_24H"))).contains("响应及时率", "≥ 99");
            assertThat(browser.driver().findElements(By.cssSelector("#kpi-tiles .gc-kpi-tile"))).hasSize(16);
            browser.waiting().until(ExpectedConditions.attributeToBe(By.id("kpi-trend-chart"), "data-chart-ready",
                    "true"));
            assertThat(browser.driver().findElements(By.cssSelector("#kpi-trend-chart canvas"))).isNotEmpty();
            assertThat(browser.text(By.id("kpi-breakdown-table"))).contains(world.stationA.name());

            browser.click(By.id("kpi-value-ORDERS_RECEIVED"));
            browser.waitForText(By.id("kpi-orders-total"), "共 3 张工单");
            List<String> shown = new ArrayList<>();
            for (WebElement row : browser.driver().findElements(By.cssSelector("#kpi-orders-table tbody tr"))) {
                shown.add(row.findElement(By.cssSelector("td a")).getText());
            }
            assertThat(shown).containsExactlyInAnyOrderElementsOf(orders);

            String export = browser.driver().findElement(By.id("kpi-export-orders")).getAttribute("href");
            Cookie session = browser.driver().manage().getCookieNamed("GRIDCARE_SESSION");
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
                    .header("Cookie", "GRIDCARE_SESSION=" + session.getValue()).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                DataFormatter cells = new DataFormatter();
                assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("工单编号");
                List<String> exported = new ArrayList<>();
                for (Row row : sheet) {
                    if (row.getRowNum() > 0) {
                        exported.add(cells.formatCellValue(row.getCell(0)));
                    }
                }
                assertThat(exported).containsExactlyElementsOf(shown);
            }
        }
    }
}
