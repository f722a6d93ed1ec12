package health.courses.notification.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.CourseEvents;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseBookedNotificationTest {

    private static final UUID CLINIC = UUID.fromString(DemoClinics.A);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theBookingEmailShowsTheFirstSessionInThePatientsZone() {
        UUID patient = UUID.randomUUID();
        String address = "patient-" + patient + "@example.org";
        putContact(patient, address, "en", "America/New_York");
        UUID course = UUID.randomUUID();

        CourseEvents.publish(CourseEvents.courseScheduled(UUID.randomUUID(), CLINIC, course, patient));

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), mails -> !mails.isEmpty())
                .get(0);
        assertThat(mail.subject(), equalTo("Your treatment course is booked"));
        assertThat(mail.from(), equalTo("Clinic reminders <reminders@courses.local>"));
        // 10:00 in Berlin (+02:00, summer time since 28 March) is 04:00 in New York (-04:00).
        assertThat(mail.text(), allOf(
                containsString("12 sessions, 3 a week for 4 weeks"),
                containsString("Monday, 29 March 2027, 04:00 (UTC-04:00, America/New_York)"),
                containsString("10:00 on Monday, 29 March 2027 in the clinic's time zone (UTC+02:00, Europe/Berlin)")));
        assertThat(mail.html(), containsString("Monday, 29 March 2027, 04:00</strong> (UTC-04:00, America/New_York)"));

        List<Map<String, Object>> notifications = notificationsOf(patient);
        assertThat(notifications, hasSize(1));
        Map<String, Object> notification = notifications.get(0);
        assertThat(notification, allOf(hasEntry("kind", (Object) "course-booked"), hasEntry("status", (Object) "sent")));
        assertThat(mail.messageId(), equalTo("<notification-" + notification.get("id") + "@courses.local>"));
    }

    @Test
    void anEventDeliveredTwiceSendsOneEmail() {
        UUID patient = UUID.randomUUID();
        String address = "patient-" + patient + "@example.org";
        putContact(patient, address, "de", "Europe/Berlin");
        UUID course = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        // Same key, so one partition in this order: once the marker is in the inbox, both copies were handled.
        CourseEvents.publish(
                CourseEvents.courseScheduled(eventId, CLINIC, course, patient),
                CourseEvents.courseScheduled(eventId, CLINIC, course, patient),
                CourseEvents.event(marker, "course.extended.v1", course, "{}".getBytes()));

        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from inbox where event_id = ?", marker),
                rows -> rows.size() == 1);
        await().atMost(PATIENCE).until(() -> notificationsOf(patient),
                rows -> rows.size() == 1 && "sent".equals(rows.get(0).get("status")));

        List<ReceivedMail> mails = TestStack.mailbox(address);
        assertThat(mails, hasSize(1));
        assertThat(mails.get(0).subject(), equalTo("Ihr Behandlungskurs ist gebucht"));
        assertThat(mails.get(0).text(), allOf(
                containsString("Montag, 29. März 2027, 10:00 Uhr (UTC+02:00, Europe/Berlin)"),
                not(containsString("Zeitzone der Praxis"))));
        assertThat(TestStack.query("select event_type from inbox where event_id = ?", eventId),
                equalTo(List.of(Map.of("event_type", "course.scheduled.v1"))));
    }

    @Test
    void withoutAContactTheNotificationIsSkippedAndNothingIsSent() {
        UUID patient = UUID.randomUUID();

        CourseEvents.publish(CourseEvents.courseScheduled(UUID.randomUUID(), CLINIC, UUID.randomUUID(), patient));

        Map<String, Object> notification = await().atMost(PATIENCE)
                .until(() -> notificationsOf(patient), rows -> rows.size() == 1 && !isOpen(rows.get(0)))
                .get(0);
        assertThat(notification, allOf(
                hasEntry("status", (Object) "skipped"),
                hasEntry("status_reason", (Object) "no-contact"),
                hasEntry("attempts", (Object) 1)));
        assertThat(notification.get("skipped_at"), notNullValue());
        assertThat(notification.get("sent_at"), nullValue());
    }

    static void putContact(UUID patient, String email, String language, String zone) {
        given().auth().oauth2(TestStack.token(DemoClinics.A, "booking")).contentType(ContentType.JSON)
                .body(Map.of("email", email, "language", language, "zone", zone))
                .put("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(201);
    }

    static List<Map<String, Object>> notificationsOf(UUID patient) {
        return TestStack.query("""
                select id, kind, channel, status, status_reason, attempts, sent_at, skipped_at
                  from notification where clinic_id = ? and patient_id = ?""", CLINIC, patient);
    }

    private static boolean isOpen(Map<String, Object> notification) {
        return List.of("planned", "sending").contains((String) notification.get("status"));
    }

}
