package org.gridcare.standards;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.console.ConsoleBrowser;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.gridcare.shared.BusinessTime;
import org.gridcare.sla.SlaClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint-handling norms drive the clocks: an owner drafts a revision of GC-TS-001 that tightens the reply
 * limit from 4 to 3 working days, a reviewer approves it, a manager publishes it, and a complaint taken afterwards
 * shows the tighter reply clock. The clock runs in a far year, so the tightened rule is seen by this test only.
 */
@GridCareTest
class StandardsBrowserTest {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessTime.ZONE);

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired SlaClocks sla;

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aTighterComplaintReplyLimitIsDraftedApprovedPublishedAndDrivesANewComplaintsClock() throws Exception {
        clock.set(Instant.parse("2103-03-05T02:00:00Z"));
        fixtures.root();
        OrgUnit station = fixtures.unit(Fixtures.unique("BS"), OrgUnitKind.SUPPLY_STATION, "HQ");
        String owner = Fixtures.unique("bowner");
        String reviewer = Fixtures.unique("brev");
        String manager = Fixtures.unique("bmgr");
        String agent = Fixtures.unique("bagent");
        fixtures.user(owner, "HQ", Role.SUPERVISOR);
        fixtures.user(reviewer, "HQ", Role.SUPERVISOR);
        fixtures.user(manager, "HQ", Role.MANAGER);
        fixtures.user(agent, station.code(), Role.AGENT);
        String customer = ConsoleBrowser.registerCustomer(port, "35", station.code(), "西湖区标准路 1 号");

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(owner, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/standards/GC-TS-001");
            browser.waitForText(By.id("gc-standard-in-force"), "现行");
            browser.click(By.id("gc-standard-revise"));
            browser.waitForText(By.tagName("h1"), "编辑草稿");
            int row = replyRow(browser);
            browser.type(By.name("clocks[" + row + "].amount"), "3");
            browser.type(By.name("clocks[" + row + "].note"), "投诉：3 个工作日内答复处理结果");
            browser.type(By.id("changeNote"), "投诉答复时限由 4 个工作日缩短为 3 个工作日");
            browser.screenshot("standards-draft");
            browser.click(By.id("gc-draft-save"));
            browser.waitForText(By.id("gc-version-status"), "草稿");
            int number = Integer.parseInt(browser.driver().getCurrentUrl().replaceAll(".*/versions/(\\d+).*", "$1"));
            browser.click(By.id("gc-do-submit"));
            browser.waitForText(By.id("gc-version-status"), "评审中");
            browser.signOut();

            browser.signIn(reviewer, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/standards/GC-TS-001/versions/" + number);
            browser.type(By.cssSelector("#gc-version-approve textarea[name='comment']"), "同意收紧时限");
            browser.click(By.id("gc-do-approve"));
            browser.waitForText(By.id("gc-version-status"), "已批准");
            browser.signOut();

            browser.signIn(manager, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/standards/GC-TS-001/versions/" + number);
            browser.click(By.id("gc-do-publish"));
            browser.waitForText(By.id("gc-version-status"), "现行");
            assertThat(browser.text(By.id("gc-version-body"))).contains("投诉处理规范");
            browser.open("/standards/GC-TS-001/diff?from=" + (number - 1) + "&to=" + number);
            assertThat(browser.text(By.id("gc-diff"))).contains("4 WORKING_DAYS", "3 WORKING_DAYS");
            browser.screenshot("standards-diff");
            browser.signOut();

            browser.signIn(agent, Fixtures.PASSWORD);
            browser.inChinese();
            browser.open("/work-orders/new");
            browser.type(By.id("gc-customer-query"), customer);
            browser.click(By.cssSelector("#gc-intake-customer a.list-group-item"));
            browser.waitForText(By.id("gc-customer-summary"), customer);
            new Select(browser.driver().findElement(By.id("type"))).selectByValue("COMPLAINT");
            new Select(browser.driver().findElement(By.id("category"))).selectByValue("COMPLAINT.SERVICE");
            browser.type(By.id("callerName"), "赵六");
            browser.type(By.id("callerPhone"), "13600001111");
            browser.type(By.id("description"), "营业厅人员态度冷淡");
            browser.click(By.id("gc-intake-save"));
            browser.waitForText(By.id("gc-order-status"), "已受理");
            String due = browser.text(By.cssSelector("#gc-order-clocks tr[data-clock='REPLY'] td:nth-child(3)"));
            Instant accepted = Instant.now(clock);
            assertThat(due).isEqualTo(MINUTES.format(sla.endOfWorkingDaysAfter(accepted, 3)))
                    .isNotEqualTo(MINUTES.format(sla.endOfWorkingDaysAfter(accepted, 4)));
            browser.screenshot("standards-complaint-clock");
        }
    }

    /** The row of the draft editor holding the complaint REPLY clause. */
    private static int replyRow(ConsoleBrowser browser) {
        for (int i = 0; i < 50; i++) {
            var clock = browser.driver().findElements(By.name("clocks[" + i + "].clockName"));
            if (clock.isEmpty()) {
                break;
            }
            String name = new Select(clock.get(0)).getFirstSelectedOption().getAttribute("value");
            String type = new Select(browser.driver().findElement(By.name("clocks[" + i + "].orderType")))
                    .getFirstSelectedOption().getAttribute("value");
            if ("REPLY".equals(name) && "COMPLAINT".equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no REPLY clause for COMPLAINT in the draft");
    }
}
