package org.gridcare.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.gridcare.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Selenium, for the console's browser tests: offline (no Selenium
 * Manager), a throw-away profile, and the few gestures the tests use. Set {@code -Dgridcare.screenshots=DIR}
 * to keep screenshots of the pages a test passes.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final int port;
    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private ConsoleBrowser(int port) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install chromium-driver",
                CHROMEDRIVER).isTrue();
        // never let Selenium Manager look for (or download) a browser or driver
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        this.port = port;
        this.profile = Files.createTempDirectory("gridcare-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,900", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // a wait that runs out says which page the browser was on
        wait.withMessage(() -> "on " + driver.getCurrentUrl() + " (" + driver.getTitle() + ")");
    }

    /** A browser for the application listening on {@code port} of localhost. */
    public static ConsoleBrowser start(int port) throws IOException {
        return new ConsoleBrowser(port);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in through the login form and waits for the home page. */
    public void signIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("gc-login-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gc-home")));
    }

    /** Switches the console to Chinese, whatever the user chose last time. */
    public void inChinese() {
        // the button posts a form and comes back to this page: wait for that round trip to end, or a page opened
        // next may be replaced by it (the text alone is already there when the console was Chinese before)
        WebElement before = driver.findElement(By.tagName("html"));
        click(By.id("gc-lang-zh"));
        wait.until(ExpectedConditions.stalenessOf(before));
        waitForText(By.id("gc-logout"), "退出");
    }

    public void signOut() {
        click(By.id("gc-logout"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gc-signed-out")));
    }

    public void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(field));
        element.clear();
        element.sendKeys(text);
    }

    /**
     * Clicks like a user: the element is scrolled to the middle of the window first (the sticky navbar and footer
     * cover the edges), and a click that lands on something still covering it (a layout settling) is tried again
     * until the wait runs out.
     */
    public void click(By target) {
        wait.until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(driver);
            if (element == null) {
                return false;
            }
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** The element once it is on the page. */
    public WebElement find(By target) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(target));
    }

    public String text(By target) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(target)).getText().trim();
    }

    public void waitForText(By target, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(target, text));
    }

    public void screenshot(String name) {
        Optional.ofNullable(System.getProperty("gridcare.screenshots")).map(Path::of).ifPresent(directory -> {
            try {
                Files.createDirectories(directory);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), directory.resolve(name + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        TestDatabase.deleteQuietly(profile);
    }

    /**
     * Registers a residential customer at a unit through the running server's customer API (as an integration
     * would, with the administrator's basic credentials) and returns its number, {@code prefix} + 10 digits.
     */
    public static String registerCustomer(int port, String prefix, String unitCode, String address) throws Exception {
        String number = prefix + String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        String body = """
                {"number":"%s","name":"赵六","kind":"RESIDENTIAL","voltageLevel":"AC220V",
                 "address":"%s","phone":"13600001111","unitCode":"%s"}
                """.formatted(number, address, unitCode);
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + TestDatabase.ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/customers"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return number;
    }
}
