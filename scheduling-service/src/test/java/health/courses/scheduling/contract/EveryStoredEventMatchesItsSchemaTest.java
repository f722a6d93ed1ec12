package health.courses.scheduling.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.CheckIns;
import health.courses.scheduling.support.EventSchemas;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every event this test JVM's service wrote to its outbox (every test's bookings and holds, plus the ones made
 * here so each kind the service emits today is present) matches the published schema of its type. A type with no
 * schema fails too: a new event type needs its contract first. Rows of type {@code test.*} are the outbox tests'
 * own probes, not events of the contract.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EveryStoredEventMatchesItsSchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyOutboxEventMatchesTheSchemaOfItsType() throws SQLException {
        TestClinic clinic = TestClinic.fresh();
        String courseId = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(clinic.addPractitioner("Dr. Schema"), clinic.addRoom("Room S"),
                        LocalDate.of(2027, 10, 4)))
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath().getString("id");
        Topics.send(CheckIns.event(UUID.randomUUID(), "checkin.escalated.v1", clinic.id(), UUID.fromString(courseId),
                "urgent"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("course.held.v1", clinic.id()) == 1);
        // Every lifecycle kind as well: resume (course.resumed, session.rescheduled), a session cancelled with its
        // make-up (session.cancelled, session.scheduled), an extension, one completed and one missed session, then
        // the course cancelled (course.cancelled and its session.cancelled).
        String clinician = clinic.token("clinician");
        List<String> sessions = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body(java.util.Map.of("from", "2027-10-11")).post("/api/v1/courses/{id}/resume", courseId)
                .then().statusCode(200).extract().jsonPath().getList("sessions.id", String.class);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(java.util.Map.of("by", "patient", "reason", "travel"))
                .post("/api/v1/sessions/{id}/cancel", sessions.get(0)).then().statusCode(200);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(java.util.Map.of("weeks", 1, "reason", "slow-response"))
                .post("/api/v1/courses/{id}/extend", courseId).then().statusCode(200);
        io.quarkus.arc.Arc.container().instance(health.courses.scheduling.support.TestClock.class).get()
                .travelTo(LocalDate.of(2027, 10, 16));
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(java.util.Map.of("intensity", 2))
                .post("/api/v1/sessions/{id}/complete", sessions.get(1)).then().statusCode(200);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(java.util.Map.of())
                .post("/api/v1/sessions/{id}/missed", sessions.get(2)).then().statusCode(200);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(java.util.Map.of("reason", "patient-request"))
                .post("/api/v1/courses/{id}/cancel", courseId).then().statusCode(200);

        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT type, payload::text FROM scheduling.outbox_event WHERE type NOT LIKE 'test.%'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                checked++;
                String type = rows.getString(1);
                try {
                    EventSchemas.assertValid(type, rows.getString(2));
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertTrue(checked >= 30, "at least this test's own 30 events were checked, found " + checked);
        assertEquals(List.of(), failures);
    }

    private long count(String type, UUID clinicId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM scheduling.outbox_event WHERE type = ? AND clinic_id = ?")) {
            statement.setString(1, type);
            statement.setObject(2, clinicId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
