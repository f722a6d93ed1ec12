package health.courses.notification.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.Map;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PatientNotificationsTest {

    private static final String PATH = "/api/v1/patients/{patientId}/notifications";

    @Test
    void theClinicSeesEachNotificationWithItsStatesPagedAndWithoutContactData() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT9M55S", "PT2H", "PT3H");
        Session session = Session.random(clinic.id());
        String address = "patient-" + session.patientId() + "@example.org";
        clinic.contact(session.patientId(), Map.of("email", address));
        CourseEvents.publish(SessionEvents.scheduled(session,
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS), 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> TestStack.query(
                "select 1 from notification where session_id = ? and status = 'sent'", session.sessionId()),
                rows -> rows.size() == 1);

        // Newest due first: the two past-due ones were due earlier than the one sent.
        var first = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 2)
                .get(PATH, session.patientId())
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].status", equalTo("sent"))
                .body("items[0].history.status", equalTo(java.util.List.of("planned", "sending", "sent")))
                .body("items[0].history[2].at", notNullValue())
                .body("items[1].status", equalTo("skipped"))
                .body("items[1].statusReason", equalTo("past-due"))
                .body("nextCursor", notNullValue())
                .body(not(containsString(address)))
                .extract();
        given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 2)
                .queryParam("cursor", first.<String> path("nextCursor"))
                .get(PATH, session.patientId())
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].statusReason", equalTo("past-due"))
                .body("nextCursor", nullValue());

        // Another clinic's patient is not found (issue 19), as an id nobody has is not.
        given().auth().oauth2(Clinics.fresh().token("clinician")).get(PATH, session.patientId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No such patient in your clinic"));
        given().auth().oauth2(clinic.token("clinician")).get(PATH, UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("No such patient in your clinic"));
        given().auth().oauth2(clinic.token("clinician")).queryParam("cursor", "garbage")
                .get(PATH, session.patientId()).then().statusCode(400);
    }
}
