package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.ReceivedMail;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The foundation's promise end to end: book a course, the event is on the topic, the patient gets a mail. */
@SystemTest
class WalkingSkeletonTest {

    private static final String TOPIC = "treatment-course-events";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void bookedCourseIsPublishedAsCloudEventAndMailedToThePatient(SystemUnderTest system) {
        String token = system.token(DemoClinics.A, "booking", "clinician");
        UUID patientId = evaluatedPatient(system, token);
        String email = "patient-" + UUID.randomUUID() + "@example.test";

        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "language", "en", "zone", "Europe/Berlin"))
                .put("/api/v1/patients/{patientId}/contact", patientId)
                .then().statusCode(anyOf(is(200), is(201), is(204)));

        String courseId = book(system, token, patientId);

        try (TopicReader topic = new TopicReader(system.kafkaBootstrapServers(), TOPIC)) {
            ConsumerRecord<String, String> event = topic.find(record -> courseId.equals(record.key())
                    && TopicReader.header(record, "ce_type").filter("course.scheduled.v1"::equals).isPresent(), WITHIN)
                    .orElseThrow(() -> new AssertionError("no course.scheduled.v1 keyed " + courseId + " on " + TOPIC
                            + " within " + WITHIN.toSeconds() + " s"));
            assertEquals("1.0", TopicReader.header(event, "ce_specversion").orElse(null));
            assertEquals("/scheduling-service", TopicReader.header(event, "ce_source").orElse(null));
            assertEquals(courseId, TopicReader.header(event, "ce_subject").orElse(null));
            assertTrue(TopicReader.header(event, "ce_id").filter(id -> !id.isBlank()).isPresent(), "ce_id");
            assertTrue(TopicReader.header(event, "ce_time").isPresent(), "ce_time");
            assertTrue(TopicReader.header(event, "content-type").orElse("").startsWith("application/json"), "content-type");
            JsonPath data = JsonPath.from(event.value());
            assertEquals(courseId, data.getString("courseId"), event.value());
            assertEquals(DemoClinics.A, data.getString("clinicId"), event.value());
            assertEquals(patientId.toString(), data.getString("patientId"), event.value());
            assertEquals(12, data.getInt("sessionCount"), event.value());
            assertFalse(event.value().contains(email), "the event must not carry contact data");
        }

        List<ReceivedMail> mails = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> system.mailbox(email), received -> !received.isEmpty());
        ReceivedMail mail = mails.get(0);
        assertEquals(List.of(email), mail.to());
        assertTrue(mail.subject() != null && !mail.subject().isBlank(), "subject");
        assertTrue(mail.text() != null || mail.html() != null, "a body");
    }

    @Test
    void anotherClinicsCourseIsNotFound(SystemUnderTest system) {
        String clinicA = system.token(DemoClinics.A, "booking", "clinician");
        String clinicB = system.token(DemoClinics.B, "booking", "clinician");
        String courseId = book(system, clinicA, evaluatedPatient(system, clinicA));

        given().baseUri(system.schedulingUrl()).auth().oauth2(clinicA)
                .get("/api/v1/courses/{id}", courseId)
                .then().statusCode(200);
        given().baseUri(system.schedulingUrl()).auth().oauth2(clinicB)
                .get("/api/v1/courses/{id}", courseId)
                .then().statusCode(404);
    }

    /** Scheduling books only registered patients with a recent evaluation (issue 3). */
    private static UUID evaluatedPatient(SystemUnderTest system, String token) {
        String patientId = given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-" + UUID.randomUUID(), "zone", "Europe/Berlin", "language", "en"))
                .post("/api/v1/patients")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
        given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(BERLIN).toString(), "clinician", "Dr. System",
                        "findings", List.of("chronic-prostatitis")))
                .post("/api/v1/patients/{id}/evaluations", patientId)
                .then().statusCode(201);
        return UUID.fromString(patientId);
    }

    /** Books on a fresh practitioner and room, so tests never collide on a slot. */
    private static String book(SystemUnderTest system, String token, UUID patientId) {
        String practitionerId = create(system, token, "/api/v1/practitioners", "Practitioner " + UUID.randomUUID());
        String roomId = create(system, token, "/api/v1/rooms", "Room " + UUID.randomUUID());
        // The evaluation is of today and counts for 30 days: start on the coming Monday (clinic zone Europe/Berlin).
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId", patientId.toString(),
                        "practitionerId", practitionerId,
                        "roomId", roomId,
                        "startDate", monday.toString(),
                        "sessionsPerWeek", 3,
                        "weeks", 4,
                        "localTime", "10:00"))
                .post("/api/v1/courses")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    private static String create(SystemUnderTest system, String token, String path, String name) {
        return given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post(path)
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }
}
