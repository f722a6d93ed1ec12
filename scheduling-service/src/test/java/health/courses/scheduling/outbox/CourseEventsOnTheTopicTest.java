package health.courses.scheduling.outbox;

import static health.courses.scheduling.support.Topics.header;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.EventSchemas;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseEventsOnTheTopicTest {

    private static final String TOPIC = "treatment-course-events";
    private static final List<String> CE_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_time", "ce_subject", "content-type");
    /** Exactly the contract's members: anything more could leak patient data onto the topic. */
    private static final List<String> COURSE_FIELDS = List.of("clinicId", "courseId", "patientId", "practitionerId",
            "roomId", "zone", "status", "version", "sessionsPerWeek", "weeks", "recurrence", "sessionCount",
            "firstSessionStart", "lastSessionEnd", "sessions");
    private static final List<String> SESSION_FIELDS = List.of("clinicId", "courseId", "sessionId", "patientId",
            "practitionerId", "roomId", "number", "start", "end", "zone", "sequence", "status", "version");

    @Inject
    ObjectMapper json;

    @Test
    void publishesTheCourseThenEachSessionAsCloudEventsKeyedByCourse() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        var body = Bookings.threeAWeek(practitioner, room, LocalDate.of(2027, 3, 22));
        JsonPath booked = RestAssured.given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(body).post("/api/v1/courses").then().statusCode(201).extract().jsonPath();
        String courseId = booked.getString("id");

        List<ConsumerRecord<String, String>> events = eventsOf(courseId, 13);

        assertEquals(13, events.size());
        assertEquals(1, events.stream().map(ConsumerRecord::partition).distinct().count(), "one partition per course");
        List<String> types = events.stream().map(event -> header(event, "ce_type")).toList();
        assertEquals("course.scheduled.v1", types.get(0));
        assertEquals(List.of("session.scheduled.v1"), types.subList(1, 13).stream().distinct().toList());

        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(header(event, "ce_type"), event.value());
            List<String> names = new ArrayList<>();
            event.headers().forEach(header -> names.add(header.key()));
            assertThat(names, containsInAnyOrder(CE_HEADERS.toArray()));
            assertEquals(CE_HEADERS.size(), names.size());
            assertEquals("1.0", header(event, "ce_specversion"));
            assertEquals("/scheduling-service", header(event, "ce_source"));
            assertEquals("application/json", header(event, "content-type"));
            assertNotNull(Instant.parse(header(event, "ce_time")));
            ids.add(UUID.fromString(header(event, "ce_id")).toString());
        }
        assertEquals(13, ids.size(), "ce_id is unique per event");

        JsonNode course = json.readTree(events.get(0).value());
        assertThat(fieldNames(course), contains(COURSE_FIELDS.stream().sorted().toArray()));
        assertEquals(courseId, header(events.get(0), "ce_subject"));
        assertEquals(courseId, course.get("courseId").asText());
        assertEquals(clinic.id().toString(), course.get("clinicId").asText());
        assertEquals(body.get("patientId"), course.get("patientId").asText());
        assertEquals("Europe/Berlin", course.get("zone").asText());
        assertEquals("scheduled", course.get("status").asText());
        assertEquals(1, course.get("version").asInt());
        assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", course.get("recurrence").asText());
        assertEquals(12, course.get("sessionCount").asInt());
        assertEquals("2027-03-22T10:00:00+01:00", course.get("firstSessionStart").asText());
        assertEquals("2027-04-16T10:30:00+02:00", course.get("lastSessionEnd").asText());

        List<String> sessionIds = booked.getList("sessions.id");
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            JsonNode session = json.readTree(events.get(i).value());
            assertThat(fieldNames(session), contains(SESSION_FIELDS.stream().sorted().toArray()));
            assertEquals(session.get("sessionId").asText(), header(events.get(i), "ce_subject"));
            assertEquals(sessionIds.get(i - 1), session.get("sessionId").asText());
            assertEquals(booked.getString("sessions[" + (i - 1) + "].start"), session.get("start").asText());
            assertEquals(0, session.get("sequence").asInt());
            numbers.add(session.get("number").asInt());
        }
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), numbers, "sessions in order");
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String courseId, int expected) {
        return Topics.read(TOPIC, event -> courseId.equals(event.key()), expected, Duration.ZERO);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
