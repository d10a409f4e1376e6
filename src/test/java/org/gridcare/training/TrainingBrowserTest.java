package org.gridcare.training;

import java.time.Instant;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.MutableClock;
import org.gridcare.console.ConsoleBrowser;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainer creates a course with an exam, fills its question bank and schedules a session; a staff member enrols,
 * takes the exam and sees the result in their transcript. The clock runs in 2092, the transcript's year.
 */
@GridCareTest
class TrainingBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aTrainerSchedulesASessionWithAnExamAndAStaffMemberPassesItAndSeesItInTheTranscript() throws Exception {
        clock.set(Instant.parse("2092-05-06T01:00:00Z"));
        fixtures.root();
        OrgUnit city = fixtures.unit(Fixtures.unique("BC"), OrgUnitKind.CITY_COMPANY, "HQ");
        OrgUnit station = fixtures.unit(Fixtures.unique("BT"), OrgUnitKind.SUPPLY_STATION, city.code());
        String trainer = Fixtures.unique("btrain");
        String agent = Fixtures.unique("bagent");
        fixtures.user(trainer, city.code(), Role.TRAINER);
        fixtures.user(agent, station.code(), Role.AGENT);
        String code = "BR-" + Fixtures.unique("").toUpperCase().replaceAll("[^A-Z0-9]", "");

        try (ConsoleBrowser browser = ConsoleBrowser.start(port)) {
            browser.signIn(trainer, Fixtures.PASSWORD);
            browser.inChinese();
            browser.click(By.id("gc-nav-training-courses"));
            browser.type(By.id("code"), code);
            browser.type(By.id("title"), "95598 服务规范与应答");
            browser.type(By.id("hours"), "2");
            new Select(browser.driver().findElement(By.id("topic"))).selectByValue("SERVICE_NORMS");
            browser.type(By.id("passMark"), "60");
            new Select(browser.driver().findElement(By.id("multipleRule"))).selectByValue("PROPORTIONAL");
            browser.click(By.id("gc-course-save"));
            browser.waitForText(By.id("gc-notice"), code);

            addQuestion(browser, "SINGLE", "接到故障报修后，城区抢修人员到达现场的时限是？", "45 分钟", "2 小时");
            addQuestion(browser, "TRUE_FALSE", "客户来电时应首先自报工号。", "正确", "错误");
            assertThat(browser.text(By.id("gc-questions"))).contains("45 分钟", "自报工号");
            assertThat(browser.text(By.id("gc-course-exam"))).contains("题库 2 题");

            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("document.getElementById('startsAt').value = '2092-05-08T09:00';"
                    + "document.getElementById('endsAt').value = '2092-05-08T11:00';");
            browser.type(By.id("place"), "城区供电公司三楼培训室");
            browser.type(By.id("capacity"), "20");
            browser.screenshot("training-course");
            browser.click(By.id("gc-session-save"));
            browser.waitForText(By.id("gc-notice"), "已安排");
            assertThat(browser.text(By.id("gc-course-sessions"))).contains("城区供电公司三楼培训室", "0 / 20");
            browser.signOut();

            browser.signIn(agent, Fixtures.PASSWORD);
            browser.inChinese();
            browser.click(By.id("gc-nav-training"));
            browser.click(By.xpath("//table[@id='gc-open-sessions']//tr[td/a[text()='95598 服务规范与应答']]"
                    + "//button[contains(@class, 'gc-enrol')]"));
            browser.waitForText(By.id("gc-notice"), "已报名");
            browser.click(By.cssSelector("#gc-my-enrolments tr[data-course='" + code + "'] a.gc-take-exam"));
            browser.waitForText(By.tagName("h1"), "考试");
            assertThat(browser.text(By.id("gc-exam-rules"))).contains("及格分 60");
            browser.click(By.xpath("//label[text()='45 分钟']"));
            browser.click(By.xpath("//label[text()='正确']"));
            browser.screenshot("training-exam");
            browser.click(By.id("gc-exam-submit"));
            browser.waitForText(By.id("gc-notice"), "考试通过");
            String mine = "#gc-transcript tr[data-course='" + code + "']";
            assertThat(browser.text(By.cssSelector(mine + " td.gc-score"))).isEqualTo("100.00");
            assertThat(browser.text(By.cssSelector(mine + " td.gc-result"))).isEqualTo("通过");
            assertThat(browser.text(By.cssSelector(mine))).contains("95598 服务规范与应答", "已报名");
            browser.screenshot("training-transcript");
        }
    }

    private static void addQuestion(ConsoleBrowser browser, String kind, String text, String right, String wrong) {
        new Select(browser.driver().findElement(By.id("gc-question-kind"))).selectByValue(kind);
        browser.type(By.id("gc-question-text"), text);
        browser.type(By.id("gc-question-points"), "5");
        browser.type(By.id("gc-option-0"), right);
        browser.type(By.id("gc-option-1"), wrong);
        browser.click(By.id("gc-option-correct-0"));
        browser.click(By.id("gc-question-save"));
        browser.waitForText(By.id("gc-notice"), "试题已添加");
    }
}
