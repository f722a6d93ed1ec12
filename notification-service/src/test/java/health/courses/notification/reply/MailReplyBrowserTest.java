package health.courses.notification.reply;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.localstack.Topics;
import health.courses.notification.Browsers;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The reminder mail's Confirm link in a real browser (the system's headless Chromium at phone size, {@link Browsers}),
 * the mail read over IMAP from the test SMTP server: opening the link confirms nothing (a scanner's visit), the button
 * does, once; the event reaches patient-checkin-events with channel email and the contract's exact payload.
 */
@Tag("browser")
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MailReplyBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CONFIRM = Pattern.compile("Confirm: (http://localhost:\\d+/session-reply/[A-Za-z0-9_.-]+)");
    private static final Pattern RESCHEDULE = Pattern.compile(
            "Need another time\\? (http://localhost:\\d+/session-reply/[A-Za-z0-9_.-]+)");

    @Test
    void theConfirmLinkOfAReminderMailConfirmsOnTheButtonNotOnTheVisit() throws IOException {
        Browsers.assumeInstalled();
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT9M52S");
        Session session = Session.random(clinic.id());
        String address = "patient-" + session.patientId() + "@example.org";
        clinic.contact(session.patientId(), Map.of("email", address, "language", "en"));
        SmsRepliesTest.listen();
        CourseEvents.publish(SessionEvents.scheduled(session,
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS), 1));
        ReceivedMail mail = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), mails -> !mails.isEmpty())
                .get(0);
        String confirm = link(CONFIRM, mail.text());
        String reschedule = link(RESCHEDULE, mail.text());
        assertThat("the HTML part carries the same button", mail.html(), containsString("href=\"" + confirm + "\""));
        assertThat(reschedule.equals(confirm), equalTo(false));

        WebDriver browser = Browsers.phone();
        try {
            browser.get(confirm);
            assertThat(browser.findElement(By.tagName("h1")).getText(), equalTo("Confirm your session"));
            Number pageWidth = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat("no sideways scrolling on a phone", pageWidth.intValue(), lessThanOrEqualTo(Browsers.PHONE_WIDTH));
            // The visit (what a link scanner does) changed nothing; the page was answered after any effect it had.
            assertThat(TestStack.query("select id from patient_reply where clinic_id = ?", clinic.id()), empty());

            browser.findElement(By.cssSelector("button[type='submit']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you"));
            assertThat(browser.findElement(By.tagName("main")).getText(), containsString("Your session is confirmed."));
        } finally {
            browser.quit();
        }
        ConsumerRecord<String, String> event = SmsRepliesTest.awaitEvents(session.courseId(), 1).get(0);
        assertThat(Topics.header(event.headers(), "ce_type"), equalTo("session.confirmation-received.v1"));
        String replyId = TestStack.query("select id from patient_reply where clinic_id = ?", clinic.id()).get(0)
                .get("id").toString();
        SmsRepliesTest.assertExactPayload(event, session, replyId, "email");

        // Pressed again (another device, a double tap): told so, nothing new.
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).post(confirm)
                .then().statusCode(200).body(containsString("Already received"));
        assertThat(TestStack.query("select id from outbox_event where course_id = ?", session.courseId()), hasSize(1));
        // A link altered in one character of its ids is not ours. (Not the last character: its low bits are padding
        // base64 ignores, so changing only those decodes to the same bytes.)
        int at = confirm.indexOf("/session-reply/") + "/session-reply/".length();
        char first = confirm.charAt(at);
        given().get(confirm.substring(0, at) + (first == 'A' ? 'B' : 'A') + confirm.substring(at + 1))
                .then().statusCode(404);
    }

    private static String link(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No link " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

}
