package health.courses.notification.checkin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.apache.kafka.clients.producer.ProducerRecord;

import health.courses.localstack.ReceivedMail;
import health.courses.notification.Clinics;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.TestStack;
import io.restassured.http.ContentType;

/**
 * Shared by the check-in tests: a clinic whose check-ins are due one second after the session ends, completed
 * sessions as scheduling-service publishes them, the link as the patient receives it (read over IMAP), and every
 * record on the real patient-checkin-events topic, read by one consumer for the whole test run.
 */
final class CheckInFixtures {

    static final String TOPIC = "patient-checkin-events";
    /** The contract as scheduling-service serves it (the repository is the shared artifact). */
    private static final Path SCHEMAS = Path.of("..", "scheduling-service", "src", "main", "resources", "META-INF",
            "resources", "asyncapi", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/check-in/([A-Za-z0-9_-]{43})");
    private static TopicTap<String> events;

    private CheckInFixtures() {
    }

    /** Check-ins due a second after the session, the follow-up after {@code followUpDelay}, no quiet hours. */
    static Clinics clinic(String followUpDelay) {
        Clinics clinic = Clinics.fresh();
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Praxis am Park", "reminderOffsets", List.of("PT24H"),
                        "quietHours", Map.of("from", "00:00", "to", "00:00"),
                        "checkIn", Map.of("after", "PT1S"), "followUpDelay", followUpDelay))
                .put("/api/v1/notification-settings")
                .then().statusCode(200);
        return clinic;
    }

    /** A patient with an email address of their own; returns the address. */
    static String patient(Clinics clinic, UUID patientId, String language) {
        String address = "patient-" + patientId + "@example.org";
        clinic.contact(patientId, Map.of("email", address, "language", language, "zone", "Europe/Berlin"));
        return address;
    }

    /** session.completed.v1 of a session that ended a minute ago. */
    static ProducerRecord<String, byte[]> completed(Session session, UUID eventId, OffsetDateTime start) {
        return SessionEvents.session(eventId, "session.completed.v1", session, start, 0, "completed", 2, null);
    }

    static OffsetDateTime endedAMinuteAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(31).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The check-in mails that arrived for this address (check-in and follow-up carry the link). */
    static List<ReceivedMail> checkInMails(String address, int atLeast) {
        return await().atMost(PATIENCE).until(() -> TestStack.mailbox(address).stream()
                .filter(mail -> mail.text() != null && LINK.matcher(mail.text()).find()).toList(),
                mails -> mails.size() >= atLeast);
    }

    static String link(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("No check-in link in " + mail.subject());
        }
        return matcher.group();
    }

    static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** Waits for the check-in mail and returns its token. */
    static String tokenFor(String address) {
        return token(link(checkInMails(address, 1).get(0)));
    }

    /** Every record of the check-in topic about this course so far (key = course id). */
    static List<ConsumerRecord<String, String>> eventsOf(UUID courseId) {
        return topic().stream().filter(record -> courseId.toString().equals(record.key())).toList();
    }

    /** Waits for them, and checks each against the contract: its JSON Schema and the CloudEvents headers. */
    static List<ConsumerRecord<String, String>> awaitEvents(UUID courseId, int count) {
        List<ConsumerRecord<String, String>> found = await().atMost(PATIENCE)
                .until(() -> eventsOf(courseId), records -> records.size() >= count);
        found.forEach(CheckInFixtures::assertMatchesContract);
        return found;
    }

    private static void assertMatchesContract(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        try {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                    Files.readString(SCHEMAS.resolve(type + ".json")),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            JsonNode data = JSON.readTree(record.value());
            assertThat(type + " breaks its schema", schema.validate(data), empty());
            assertThat(header(record, "ce_specversion"), equalTo("1.0"));
            assertThat(header(record, "ce_source"), equalTo("/notification-service"));
            assertThat(header(record, "content-type"), equalTo("application/json"));
            assertThat(header(record, "ce_subject"), equalTo(data.path("checkInId").asText()));
            assertThat(UUID.fromString(header(record, "ce_id")), notNullValue());
            assertThat(OffsetDateTime.parse(header(record, "ce_time")), notNullValue());
            assertThat(record.key(), equalTo(data.path("courseId").asText()));
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("Cannot read the schema of " + type + " or the event", unreadable);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return Topics.header(record.headers(), name);
    }

    /** One consumer for the whole run: joining a group per test would cost seconds each. */
    private static synchronized TopicTap<String> topic() {
        if (events == null) {
            events = TopicTap.strings(TestStack.bootstrapServers(), TOPIC);
        }
        return events;
    }

    /** Started before the first event of a test is published, so nothing published before it subscribed is missed. */
    static void listen() {
        topic();
    }
}
