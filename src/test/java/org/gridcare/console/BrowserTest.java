package org.gridcare.console;

import java.io.IOException;

import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless Chromium): sign in, create a user through the
 * form, find them with search-as-you-type, switch the language, use the tablet menu, sign out.
 * Fails, rather than skips, when Chromium is not installed.
 */
@GridCareTest
class BrowserTest {

    @LocalServerPort
    int port;

    private ConsoleBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = ConsoleBrowser.start(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorCreatesAUserSwitchesToEnglishAndSignsOut() {
        browser.open("/login");
        browser.screenshot("login");
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
        // whatever the administrator chose last time, start in Chinese
        browser.click(By.id("gc-lang-zh"));
        browser.waitForText(By.id("gc-logout"), "退出");
        assertThat(browser.text(By.id("gc-widgets"))).contains("工作概览").contains("42").contains("待办测试");
        browser.screenshot("home");

        String username = "browser" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        browser.click(By.id("gc-nav-users"));
        browser.click(By.id("gc-new-user"));
        browser.click(By.id("gc-user-create"));
        browser.waitForText(By.id("gc-user-form"), "不能为空");
        browser.screenshot("user-form-errors");
        browser.type(By.id("username"), username);
        browser.type(By.id("displayName"), "浏览器测试用户");
        browser.type(By.id("password"), "Br0wser-Secret!");
        new Select(browser.driver().findElement(By.id("unitCode"))).selectByIndex(1);
        browser.click(By.cssSelector("input[name='roles'][value='AGENT']"));
        browser.click(By.id("gc-user-create"));
        browser.waitForText(By.id("gc-notice"), username);
        browser.screenshot("user-edit");

        browser.click(By.id("gc-nav-users"));
        browser.type(By.id("text"), username);
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#gc-user-results tbody tr"), 1));
        browser.waitForText(By.id("gc-user-results"), "浏览器测试用户");
        browser.screenshot("users");

        browser.click(By.id("gc-lang-en"));
        browser.waitForText(By.id("gc-logout"), "Sign out");
        assertThat(browser.driver().getCurrentUrl()).as("back on the searched list").contains("text=" + username);
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.text(By.id("gc-nav-users"))).isEqualTo("Users");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Users");
        browser.screenshot("users-en");

        browser.driver().manage().window().setSize(new Dimension(820, 1180));
        browser.open("/");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("gc-nav-org-units")));
        browser.click(By.cssSelector("[data-bs-target='#gc-sidebar']"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("gc-nav-org-units")));
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.attributeContains(
                By.id("gc-sidebar"), "class", "showing")));
        browser.screenshot("tablet-menu-en");
        browser.click(By.id("gc-nav-org-units"));
        browser.waitForText(By.cssSelector("main h1"), "Org units");

        browser.open("/admin/users/no-such-user-" + username);
        browser.waitForText(By.id("gc-error"), "Page not found");
        browser.screenshot("not-found-en");

        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open("/account");
        browser.click(By.id("gc-lang-zh"));
        browser.waitForText(By.id("gc-logout"), "退出");
        browser.signOut();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?logout");
        browser.screenshot("signed-out");
        browser.open("/admin/users");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gc-login-form")));
    }

    /** A widget as a business module would contribute one, to see the home page's extension point render. */}
