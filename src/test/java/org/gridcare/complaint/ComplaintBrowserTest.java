package org.gridcare.complaint;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.console.ConsoleBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the city's supervisor grades a complaint and submits the findings on the case page, is
 * refused approving them herself, the manager approves them, the supervisor adds a rectification action, the
 * station's agent reports it done and the supervisor verifies it and closes the case; the heat map draws.
 */
@GridCareTest
class ComplaintBrowserTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @Test
    void aCaseIsGradedInvestigatedApprovedRectifiedAndClosedOnItsPage() throws Exception {
        clock.reset();
        ComplaintWorld world = new ComplaintWorld(fixtures, mvc, json, clock);
        String order = world.complaint("COMPLAINT.BUSINESS.FEES", "HOTLINE_95598", world.customer(world.stationA));
        long id = world.caseOf(order).get("id").asLong();
        String due = java.time.LocalDate.now(org.gridcare.shared.BusinessTime.ZONE).plusDays(5).toString();

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(world.citySupervisor, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/complaints");
            browser.waitForText(By.id("gc-complaint-table"), order);
            browser.click(By.linkText(order));
            browser.waitForText(By.id("gc-complaint-status"), "调查中");

            new Select(browser.driver().findElement(By.cssSelector("#gc-move-grade select[name=grade]")))
                    .selectByValue("IMPORTANT");
            browser.type(By.cssSelector("#gc-move-grade input[name=reason]"), "客户称将向 12398 反映");
            browser.click(By.id("gc-do-grade"));
            browser.waitForText(By.id("gc-complaint-grade"), "重要");

            browser.type(By.cssSelector("#gc-move-investigate textarea[name=findings]"), "营业厅多收业务费属实");
            new Select(browser.driver().findElement(By.cssSelector("#gc-move-investigate select[name=rootCause]")))
                    .selectByValue("BILLING_ERROR");
            new Select(browser.driver().findElement(By.cssSelector("#gc-move-investigate select[name=responsibility]")))
                    .selectByValue("SUBSTANTIATED");
            browser.type(By.cssSelector("#gc-move-investigate input[name=responsibleUnit]"), world.stationA.code());
            browser.click(By.id("gc-do-investigate"));
            browser.waitForText(By.id("gc-complaint-status"), "待审核");
            // the investigator cannot approve her own findings: the page says why and nothing changes
            browser.click(By.id("gc-do-approve"));
            browser.waitForText(By.id("gc-action-error"), "审核人不能是调查人本人");
            assertThat(browser.text(By.id("gc-complaint-status"))).isEqualTo("待审核");
            browser.signOut();

            browser.signIn(world.cityManager, Fixtures.PASSWORD);
            browser.open("/complaints/" + id);
            browser.click(By.id("gc-do-approve"));
            browser.waitForText(By.id("gc-complaint-status"), "已认定");
            assertThat(browser.text(By.id("gc-complaint-responsibility"))).isEqualTo("有责");
            browser.type(By.cssSelector("#gc-move-add-action textarea[name=description]"), "退还多收费用并通报批评");
            browser.type(By.cssSelector("#gc-move-add-action input[name=owner]"), world.agentA);
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                    browser.driver().findElement(By.cssSelector("#gc-move-add-action input[name=dueDate]")), due);
            browser.click(By.id("gc-do-add-action"));
            browser.waitForText(By.id("gc-complaint-actions"), "退还多收费用并通报批评");
            browser.signOut();

            browser.signIn(world.agentA, Fixtures.PASSWORD);
            browser.open("/complaints/" + id);
            browser.type(By.cssSelector("[id^=gc-action-complete-] input[name=note]"), "已退费");
            browser.click(By.cssSelector("[id^=gc-action-complete-] button"));
            browser.waitForText(By.id("gc-complaint-actions"), "待验证");
            browser.signOut();

            browser.signIn(world.citySupervisor, Fixtures.PASSWORD);
            browser.open("/complaints/" + id);
            browser.click(By.cssSelector("[id^=gc-action-verify-] button"));
            browser.waitForText(By.id("gc-complaint-actions"), "已验证");
            browser.click(By.id("gc-do-close"));
            browser.waitForText(By.id("gc-complaint-status"), "已办结");

            browser.open("/complaints/hotspots?measure=received");
            browser.waiting().until(ExpectedConditions.attributeToBe(By.id("complaint-heatmap"), "data-chart-ready",
                    "true"));
            assertThat(browser.driver().findElements(By.cssSelector("#complaint-heatmap canvas"))).isNotEmpty();
            assertThat(browser.text(By.id("gc-hotspot-table"))).contains(world.stationA.name());
        }
    }
}
