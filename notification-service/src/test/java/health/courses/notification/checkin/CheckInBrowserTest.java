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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Browsers;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents.Session;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The check-in page in a real browser at phone size ({@link Browsers}: the system's headless Chromium). The link comes
 * from the mail read over IMAP. Skipped where Chromium is not installed, unless REQUIRE_BROWSER=1 (CI). The
 * confirmation's screenshot is kept in target/browser-artifacts.
 */
@Tag("browser")
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CheckInBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
    private static final int PHONE_WIDTH = Browsers.PHONE_WIDTH;

    @Test
    void aPatientAnswersOnAPhoneWithKeyboardAndTouchAndSeesTheUrgentAdvice() throws IOException {
        Browsers.assumeInstalled();
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CheckInFixtures.listen();
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String link = CheckInFixtures.link(CheckInFixtures.checkInMails(address, 1).get(0));

        WebDriver browser = Browsers.phone();
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
}
