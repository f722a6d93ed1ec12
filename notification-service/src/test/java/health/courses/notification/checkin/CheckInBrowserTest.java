package health.courses.notification.checkin;

import static health.courses.notification.checkin.CheckInFixtures.awaitEvents;
import static health.courses.notification.checkin.CheckInFixtures.completed;
import static health.courses.notification.checkin.CheckInFixtures.endedAMinuteAgo;
import static health.courses.notification.checkin.CheckInFixtures.header;
import static health.courses.notification.checkin.CheckInFixtures.patient;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents.Session;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The check-in page in a real browser at phone size: Debian's headless Chromium driven by its chromedriver, both
 * from the system (nothing is downloaded: the driver and the browser are named, so Selenium Manager never runs).
 * The link comes from the mail read over IMAP. Skipped where Chromium is not installed, unless REQUIRE_BROWSER=1
 * (CI), where its absence fails the build. The confirmation's screenshot is kept in target/browser-artifacts.
 */
@Tag("browser")
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CheckInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
    private static final int PHONE_WIDTH = 390;

    @Test
    void aPatientAnswersOnAPhoneWithKeyboardAndTouchAndSeesTheUrgentAdvice() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("1".equals(System.getenv("REQUIRE_BROWSER"))) {
            assertTrue(installed, "REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        } else {
            assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CheckInFixtures.listen();
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String link = CheckInFixtures.link(CheckInFixtures.checkInMails(address, 1).get(0));

        WebDriver browser = phone();
        try {
            browser.get(link);
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"), equalTo("en"));
            assertThat(browser.findElement(By.tagName("h1")).getText(), equalTo("How are you after your session?"));
            Number pageWidth = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat("no sideways scrolling on a phone", pageWidth.intValue(), lessThanOrEqualTo(PHONE_WIDTH));

            // Touch: tap the labels, as a finger would.
            browser.findElement(By.xpath("//label[input[@name='pain' and @value='4']]")).click();
            browser.findElement(By.xpath("//label[input[@value='perineum']]")).click();
            browser.findElement(By.xpath("//label[input[@name='urination' and @value='unable']]")).click();
            // Keyboard: focus a choice and press space, then type the note and submit with Enter.
            browser.findElement(By.cssSelector("input[name='erectileDifficulty'][value='no']")).sendKeys(Keys.SPACE);
            browser.findElement(By.cssSelector("input[name='irritation'][value='no']")).sendKeys(Keys.SPACE);
            browser.findElement(By.id("note")).sendKeys("Since this morning");
            browser.findElement(By.cssSelector("button[type='submit']")).sendKeys(Keys.ENTER);

            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Please call"));
            assertThat(browser.findElement(By.cssSelector("[role='alert'] h1")).getText(),
                    equalTo("Please call your physician now."));
            assertThat(browser.findElement(By.tagName("main")).getText(), containsString("112"));
            Files.createDirectories(ARTIFACTS);
            Files.write(ARTIFACTS.resolve("check-in-confirmation.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
        assertThat(header(awaitEvents(session.courseId(), 1).get(0), "ce_type"), equalTo("checkin.escalated.v1"));
    }

    private static WebDriver phone() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("check-in-chromium"),
                "--window-size=" + PHONE_WIDTH + ",844");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        return browser;
    }
}
