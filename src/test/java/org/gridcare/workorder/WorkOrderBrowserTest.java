package org.gridcare.workorder;


import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.console.ConsoleBrowser;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault call in a real browser: the agent takes it, the dispatcher dispatches it from the board, the crew
 * accepts, arrives, restores power and replies, and the order page shows its clocks met.
 */
@GridCareTest
class WorkOrderBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    @Test
    void aFaultCallIsTakenDispatchedRepairedAndRepliedWithItsClocksMet() throws Exception {
        fixtures.root();
        String city = Fixtures.unique("BC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        OrgUnit station = fixtures.unit(Fixtures.unique("BS"), OrgUnitKind.SUPPLY_STATION, city);
        String agent = Fixtures.unique("agent");
        String dispatcher = Fixtures.unique("disp");
        String crew = Fixtures.unique("crew");
        fixtures.user(agent, station.code(), Role.AGENT);
        fixtures.user(dispatcher, station.code(), Role.DISPATCHER);
        fixtures.user(crew, station.code(), Role.FIELD_STAFF);
        String customer = ConsoleBrowser.registerCustomer(port, "34", station.code(), "西湖区浏览器路 1 号");

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(agent, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/work-orders/new");
            browser.type(By.id("gc-customer-query"), customer);
            browser.click(By.cssSelector("#gc-intake-customer a.list-group-item"));
            browser.waitForText(By.id("gc-customer-summary"), customer);
            // the metering module's consumption card, loaded by the page (the customer has no meter yet)
            browser.waitForText(By.id("gc-consumption-card"), "该客户无计量装置");
            new Select(browser.driver().findElement(By.id("type"))).selectByValue("FAULT_REPAIR");
            new Select(browser.driver().findElement(By.id("category"))).selectByValue("FAULT_REPAIR.NO_POWER");
            browser.waitForText(By.id("gc-intake-preview"), "到达现场");
            browser.type(By.id("callerName"), "赵六");
            browser.type(By.id("callerPhone"), "13600001111");
            browser.type(By.id("description"), "整栋楼停电");
            browser.screenshot("work-order-intake");
            browser.click(By.id("gc-intake-save"));
            browser.waitForText(By.id("gc-order-status"), "已受理");
            String number = browser.text(By.id("gc-order-number"));
            browser.signOut();

            browser.signIn(dispatcher, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/work-orders/board");
            new Select(browser.find(By.cssSelector("#gc-board-dispatch-" + number + " select")))
                    .selectByValue(crew);
            browser.click(By.cssSelector("#gc-board-dispatch-" + number + " button"));
            browser.waitForText(By.id("gc-order-status"), "已派单");
            browser.signOut();

            browser.signIn(crew, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/work-orders/" + number);
            browser.click(By.id("gc-do-accept"));
            browser.waitForText(By.id("gc-order-status"), "处理中");
            browser.click(By.id("gc-do-arrive"));
            browser.waitForText(By.id("gc-order-timeline"), "到达现场");
            browser.click(By.id("gc-do-restore"));
            browser.waitForText(By.id("gc-order-timeline"), "恢复送电");
            browser.type(By.cssSelector("#gc-action-reply textarea[name='replyText']"), "查明为熔断器熔断，更换熔断器后已恢复供电");
            browser.click(By.id("gc-do-reply"));
            browser.waitForText(By.id("gc-order-status"), "已回单");
            browser.screenshot("work-order-replied");
            for (String clock : new String[] {"DISPATCH", "ARRIVAL", "RESTORATION"}) {
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#gc-order-clocks tr[data-clock='" + clock + "'][data-state='MET']")));
            }
            assertThat(browser.text(By.id("gc-order-clocks"))).contains("按时完成");
        }
    }
}
