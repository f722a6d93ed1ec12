package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * After real flows (a patient's contact stored, a course booked, a check-in escalation that holds it), every event
 * on treatment-course-events, this test's and every earlier test's, validates against the schema scheduling-service
 * serves for its ce_type, and none carries the patient's contact details or a clinical finding.
 */
@SystemTest
class EventsMatchTheContractTest {

    /** Words of the evaluation's findings (domain.md): none may appear on a topic, in any spelling of the code. */
    private static final List<String> FINDING_WORDS = List.of("prostatitis", "calcification", "congestion", "oedema",
            "edema", "contraindicat");
    /** The patient's evaluation finding: recorded in scheduling-service, never to be seen on a topic. */
    private static final String FINDING = "chronic-prostatitis";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventOnTheTopicMatchesItsPublishedSchemaAndCarriesNoContactOrFinding(SystemUnderTest system)
            throws Exception {
        String clinicId = UUID.randomUUID().toString();
        String token = system.token(clinicId, "booking", "clinician");
        ClinicApi clinic = new ClinicApi(system::schedulingUrl, token);
        String patientId = clinic.registerEvaluatedPatient(FINDING);
        String email = "contract-" + UUID.randomUUID() + "@example.test";
        String phone = "+4915112345" + String.format("%03d", (int) (Math.random() * 1000));
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "phone", phone, "language", "en", "zone", "Europe/Berlin"))
                .put("/api/v1/patients/{patientId}/contact", patientId)
                .then().statusCode(anyOf(is(200), is(201), is(204)));
        String courseId = clinic.bookCourse(patientId).courseId();
        escalate(system, clinicId, courseId, patientId);
        // a crash test before this one leaves the killed instance in the consumer group until its session times out
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "held".equals(
                given().baseUri(system.schedulingUrl()).auth().oauth2(token).get("/api/v1/courses/{id}", courseId)
                        .jsonPath().getString("status")));

        Map<String, JsonSchema> schemas = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<ConsumerRecord<String, String>> events;
        try (CourseEventLog log = new CourseEventLog(system.kafkaBootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> log.readToEnd(Duration.ofSeconds(20)).stream()
                    .anyMatch(event -> courseId.equals(event.key())
                            && TopicReader.header(event, "ce_type").filter("course.held.v1"::equals).isPresent()));
            events = log.readToEnd(Duration.ofSeconds(20));
        }
        for (ConsumerRecord<String, String> event : events) {
            check(system, event, schemas, problems, email, phone);
        }
        // The way back too (issue 18): everything patient-originated notification-service published on
        // patient-checkin-events so far (check-in outcomes, the patient's replies) matches the contract scheduling reads.
        List<ConsumerRecord<String, String>> patientEvents;
        try (TopicReader topic = new TopicReader(system.kafkaBootstrapServers(), "patient-checkin-events")) {
            patientEvents = topic.readAll(record -> true, Duration.ofSeconds(10));
        }
        for (ConsumerRecord<String, String> event : patientEvents) {
            check(system, event, schemas, problems, email, phone);
        }
        System.out.printf("contract test: %d events on patient-checkin-events validated as well%n", patientEvents.size());
        System.out.printf("contract test: %d events on %s validated against the served schemas of %s%n",
                events.size(), CourseEventLog.TOPIC, schemas.keySet());
        assertTrue(schemas.keySet().containsAll(List.of("course.scheduled.v1", "session.scheduled.v1",
                "course.held.v1", "checkin.escalated.v1")), "the flows produced these types: " + schemas.keySet());
        assertEquals(List.of(), problems.stream().limit(5).toList(), problems.size() + " events break the contract");
    }

    /** One event against the schema served for its ce_type, and free of the patient's contact and findings. */
    private static void check(SystemUnderTest system, ConsumerRecord<String, String> event,
            Map<String, JsonSchema> schemas, List<String> problems, String email, String phone) throws Exception {
        if (TopicReader.header(event, "ce_source").filter(ClinicJourney.POISON_SOURCE::equals).isPresent()) {
            return; // a poison record a test wrote on purpose (ClinicJourney), not one the producer published
        }
        String type = TopicReader.header(event, "ce_type").orElse("(no ce_type)");
        JsonSchema schema = schemas.computeIfAbsent(type, t -> servedSchema(system, t));
        Set<ValidationMessage> invalid = schema.validate(JSON.readTree(event.value()));
        if (!invalid.isEmpty()) {
            problems.add(type + " " + invalid + ": " + event.value());
        }
        String value = event.value().toLowerCase(Locale.ROOT);
        if (value.contains(FINDING)) {
            problems.add(type + " carries the patient's finding code: " + event.value());
        }
        if (value.contains(email.toLowerCase(Locale.ROOT)) || value.contains(phone) || value.contains("@")) {
            problems.add(type + " carries contact data: " + event.value());
        }
        FINDING_WORDS.stream().filter(value::contains)
                .forEach(word -> problems.add(type + " carries a finding (" + word + "): " + event.value()));
    }

    /** The schema as scheduling-service publishes it, over HTTP without a token. */
    private static JsonSchema servedSchema(SystemUnderTest system, String type) {
        String schema = given().baseUri(system.schedulingUrl()).get("/asyncapi/schemas/{type}.json", type)
                .then().statusCode(200).extract().asString();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    /** A checkin.escalated.v1 as notification-service will publish it (issue 7): CloudEvents binary mode, key = course. */
    private static void escalate(SystemUnderTest system, String clinicId, String courseId, String patientId)
            throws Exception {
        String data = """
                {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","checkInId":"%s",\
                "severity":"urgent","ruleVersion":1,"occurredAt":"%s"}""".formatted(clinicId, courseId,
                UUID.randomUUID(), patientId, UUID.randomUUID(), Instant.now());
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "checkin.escalated.v1",
                "ce_source", "/notification-service", "ce_time", Instant.now().toString(), "ce_subject",
                UUID.randomUUID().toString(), "content-type", "application/json")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("patient-checkin-events", null, courseId, data, headers)).get();
        }
    }
}
