package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.hamcrest.Matchers.lessThan;

import health.courses.localstack.DemoClinics;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace from the booking request to the consumer: the caller's {@code traceparent} is continued by the request's
 * span, stored with the outbox row in the booking's transaction, continued by the relay's producer span and sent as
 * the record's header, continued by notification-service's consumer span, whose log line names the trace, and by the
 * span of the "course booked" mail's send, which the consumer planned.
 */
@SystemTest
class TraceAcrossTheOutboxTest {

    private static final String TOPIC = "treatment-course-events";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theBookingsTraceIdReachesTheTopicAndTheConsumersLog(SystemUnderTest system) throws Exception {
        String token = system.token(DemoClinics.A, "booking", "clinician");
        ClinicApi clinic = new ClinicApi(system::schedulingUrl, token);
        String patient = clinic.registerEvaluatedPatient("chronic-prostatitis");
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "traced-" + patient + "@example.test", "language", "en", "zone", "Europe/Berlin"))
                .put("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(lessThan(300));
        String practitioner = create(system, token, "/api/v1/practitioners");
        String room = create(system, token, "/api/v1/rooms");
        String traceId = hex(16);
        String callerSpanId = hex(8);

        String courseId = given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("patientId", patient, "practitionerId", practitioner, "roomId", room,
                        "startDate", LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toString(),
                        "sessionsPerWeek", 3, "weeks", 4, "localTime", "10:00"))
                .post("/api/v1/courses")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");

        ConsumerRecord<String, String> event;
        try (TopicReader topic = new TopicReader(system.kafkaBootstrapServers(), TOPIC)) {
            event = topic.find(record -> courseId.equals(record.key())
                    && TopicReader.header(record, "ce_type").filter("course.scheduled.v1"::equals).isPresent(), WITHIN)
                    .orElseThrow(() -> new AssertionError("no course.scheduled.v1 keyed " + courseId));
        }
        String[] traceparent = TopicReader.header(event, "traceparent")
                .orElseThrow(() -> new AssertionError("the event carries no traceparent header")).split("-");
        assertEquals(4, traceparent.length, String.join("-", traceparent));
        assertEquals(traceId, traceparent[1], "the event continues the booking request's trace");
        assertNotEquals(callerSpanId, traceparent[2], "the parent on the record is the relay's producer span");

        String eventId = TopicReader.header(event, "ce_id").orElseThrow();
        Path log = system.notification().spec().logFile();
        String handled = await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> lineWith(log, "Applying event " + eventId), line -> line != null);
        assertEquals(true, handled.contains("traceId=" + traceId), "the consumer's log line names the trace: " + handled);

        // ... and the send of the "course booked" mail it planned joins the same trace (SendTrace)
        String sent = await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> lineWith(log, "(course-booked) sent; trace " + traceId), line -> line != null);
        assertEquals(true, sent.contains(traceId), sent);
    }

    private static String lineWith(Path log, String text) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().filter(line -> line.contains(text)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String create(SystemUnderTest system, String token, String path) {
        return given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Traced " + path.substring(path.lastIndexOf('/') + 1)))
                .post(path)
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
