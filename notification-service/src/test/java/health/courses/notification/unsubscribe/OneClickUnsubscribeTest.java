package health.courses.notification.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The course-booked mail as a mail provider sees it (no empty header, Reply-To the clinic, RFC 8058 one-click
 * unsubscribe, the whole course as a calendar part), and its unsubscribe link followed: GET changes nothing, the
 * one-click POST opts the patient out of that kind, the contact API shows it, and the next such mail is not sent.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OneClickUnsubscribeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theUnsubscribeLinkOfACourseBookedMailStopsCourseBookedMailsForThatPatient() {
        Clinics clinic = Clinics.fresh();
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Praxis am Park", "replyTo", "empfang@praxis.example"))
                .put("/api/v1/notification-settings").then().statusCode(200);
        UUID patient = UUID.randomUUID();
        String address = "patient-" + patient + "@example.org";
        clinic.contact(patient, Map.of("email", address));

        CourseEvents.publish(courseScheduledWithSessions(clinic.id(), UUID.randomUUID(), patient));
        ReceivedMail mail = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), mails -> !mails.isEmpty())
                .get(0);

        // RFC 5322: no header without a value (the Quarkus mailer used to write an empty Cc:).
        assertThat(mail.headers(), not(hasKey("Cc")));
        mail.headers().forEach((name, values) -> values.forEach(value -> assertThat(name, value.strip(),
                not(equalTo("")))));
        assertThat(mail.headers().get("Reply-To"), equalTo(List.of("empfang@praxis.example")));
        assertThat(mail.headers().get("List-Unsubscribe-Post"), equalTo(List.of("List-Unsubscribe=One-Click")));
        assertThat(mail.attachmentNames(), hasItem("course.ics"));
        String header = mail.headers().get("List-Unsubscribe").get(0);
        assertThat(header, startsWith("<"));
        String link = header.substring(1, header.indexOf('>'));

        // A scanner following the link changes nothing.
        given().get(link).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("method=\"post\""));
        assertThat(optedOutKinds(clinic, patient), empty());

        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("List-Unsubscribe", "One-Click")
                .post(link).then().statusCode(200);
        assertThat(optedOutKinds(clinic, patient), equalTo(List.of("course-booked")));

        // The next course-booked message for this patient is declined, not sent.
        UUID marker = UUID.randomUUID();
        CourseEvents.publish(courseScheduledWithSessions(clinic.id(), marker, patient));
        await().atMost(PATIENCE).until(() -> TestStack.query("""
                select status, status_reason from notification where clinic_id = ? and course_id = ?""",
                clinic.id(), marker), rows -> rows.size() == 1 && !"planned".equals(rows.get(0).get("status"))
                        && !"sending".equals(rows.get(0).get("status")));
        assertThat(TestStack.query("select status from notification where clinic_id = ? and course_id = ?",
                clinic.id(), marker).get(0).get("status"), equalTo("skipped"));
        assertThat(TestStack.mailbox(address), hasSize(1));
    }

    @Test
    void aForgedOrAlteredLinkIsNotFoundAndChangesNothing() {
        given().get("/unsubscribe/not-a-token").then().statusCode(404);
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe/AAAA.BBBB").then().statusCode(404);
    }

    private static List<String> optedOutKinds(Clinics clinic, UUID patient) {
        return given().auth().oauth2(clinic.token("booking")).get("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(200).extract().jsonPath().getList("optOuts.kinds", String.class);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> courseScheduledWithSessions(
            UUID clinicId, UUID courseId, UUID patientId) {
        String data = """
                {"clinicId":"%s","courseId":"%s","patientId":"%s","practitionerId":"%s","roomId":"%s",
                 "zone":"Europe/Berlin","status":"scheduled","version":1,"sessionsPerWeek":2,"weeks":4,
                 "recurrence":"FREQ=WEEKLY;BYDAY=MO,TH;COUNT=2","sessionCount":2,
                 "firstSessionStart":"2027-03-29T10:00:00+02:00","lastSessionEnd":"2027-04-01T10:30:00+02:00",
                 "sessions":[
                   {"sessionId":"%s","number":1,"start":"2027-03-29T10:00:00+02:00","end":"2027-03-29T10:30:00+02:00","sequence":0},
                   {"sessionId":"%s","number":2,"start":"2027-04-01T10:00:00+02:00","end":"2027-04-01T10:30:00+02:00","sequence":0}]}"""
                .formatted(clinicId, courseId, patientId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID());
        return CourseEvents.event(UUID.randomUUID(), "course.scheduled.v1", courseId,
                data.getBytes(StandardCharsets.UTF_8));
    }
}
