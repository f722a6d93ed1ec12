package health.courses.scheduling.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.CheckIns;
import health.courses.scheduling.support.EventSchemas;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The way back: check-in events from notification-service hold a course, once, and bad records go to the DLQ. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EscalationHoldsTheCourseTest {

    private static final String CHECKINS = "patient-checkin-events";
    private static final String COURSE_EVENTS = "treatment-course-events";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    Rows rows;

    @Test
    void anEscalationDeliveredTwiceHoldsTheCourseOnceAndEmitsOneCourseHeld() {
        TestClinic clinic = TestClinic.fresh();
        Booked course = book(clinic);
        UUID eventId = UUID.randomUUID();

        Topics.send(checkIn(eventId, "checkin.escalated.v1", clinic.id(), course.id(), "urgent"));
        Topics.send(checkIn(eventId, "checkin.escalated.v1", clinic.id(), course.id(), "urgent"));

        await().atMost(WITHIN).until(() -> "held".equals(view(clinic, course.id()).getString("status")));
        JsonPath held = view(clinic, course.id());
        assertEquals(2, held.getInt("version"), "one change, one version bump");
        assertEquals(List.of("held"), held.getList("sessions.status", String.class).stream().distinct().toList());

        List<ConsumerRecord<String, String>> events = Topics.read(COURSE_EVENTS,
                record -> course.id().toString().equals(record.key())
                        && "course.held.v1".equals(Topics.header(record, "ce_type")), 1, Duration.ofSeconds(3));
        assertEquals(1, events.size(), "the duplicate delivery must not emit a second course.held.v1");
        ConsumerRecord<String, String> event = events.get(0);
        EventSchemas.assertValid("course.held.v1", event.value());
        assertEquals(course.id().toString(), Topics.header(event, "ce_subject"));
        JsonPath data = JsonPath.from(event.value());
        assertEquals("checkin-escalated:urgent", data.getString("reason"));
        assertEquals("held", data.getString("status"));
        assertEquals(2, data.getInt("version"));
        assertEquals(course.sessionIds(), data.getList("heldSessionIds", String.class), "every future session, in order");
        assertEquals("held", rows.inboxOutcome(eventId));

        // The hold is audited once, as the system's doing, in the hold's transaction (the duplicate adds nothing).
        JsonPath audit = given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/audit?resourceType=course&resourceId=" + course.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("course.held", "course.booked"), audit.getList("items.action"));
        assertEquals("system:checkin-escalation", audit.getString("items[0].subject"));
        assertEquals("system", audit.getString("items[0].role"));
        assertEquals(null, audit.getString("items[0].requestId"));
    }

    @Test
    void anEscalationOfAnAlreadyHeldCourseChangesNothingAndEmitsNothing() {
        TestClinic clinic = TestClinic.fresh();
        Booked course = book(clinic);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Topics.send(checkIn(first, "checkin.escalated.v1", clinic.id(), course.id(), "review"));
        await().atMost(WITHIN).until(() -> "held".equals(rows.inboxOutcome(first)));
        Topics.send(checkIn(second, "checkin.escalated.v1", clinic.id(), course.id(), "urgent"));
        await().atMost(WITHIN).until(() -> "no-change".equals(rows.inboxOutcome(second)));

        assertEquals(2, view(clinic, course.id()).getInt("version"));
        List<ConsumerRecord<String, String>> held = Topics.read(COURSE_EVENTS,
                record -> course.id().toString().equals(record.key())
                        && "course.held.v1".equals(Topics.header(record, "ce_type")), 1, Duration.ofSeconds(2));
        assertEquals(1, held.size());
        assertEquals("checkin-escalated:review", JsonPath.from(held.get(0).value()).getString("reason"));
    }

    @Test
    void otherCheckInTypesAreRecordedWithoutEffect() {
        TestClinic clinic = TestClinic.fresh();
        Booked course = book(clinic);
        UUID answered = UUID.randomUUID();
        UUID unanswered = UUID.randomUUID();

        Topics.send(checkIn(answered, "checkin.answered.v1", clinic.id(), course.id(), "none"));
        Topics.send(checkIn(unanswered, "checkin.unanswered.v1", clinic.id(), course.id(), "none"));

        await().atMost(WITHIN).until(() -> "recorded".equals(rows.inboxOutcome(unanswered)));
        assertEquals("recorded", rows.inboxOutcome(answered));
        JsonPath view = view(clinic, course.id());
        assertEquals("scheduled", view.getString("status"));
        assertEquals(1, view.getInt("version"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        TestClinic clinic = TestClinic.fresh();
        Booked course = book(clinic);
        String poisonKey = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "checkin.escalated.v1".getBytes(StandardCharsets.UTF_8));

        Topics.send(new ProducerRecord<>(CHECKINS, null, poisonKey, "{not json", headers));
        UUID good = UUID.randomUUID();
        Topics.send(checkIn(good, "checkin.escalated.v1", clinic.id(), course.id(), "urgent"));

        List<ConsumerRecord<String, String>> dead = Topics.read(CHECKINS + ".dlq",
                record -> poisonKey.equals(record.key()), 1, Duration.ZERO);
        assertEquals("{not json", dead.get(0).value());
        assertTrue(Topics.header(dead.get(0), "dead-letter-reason").contains("unreadable check-in event"),
                Topics.header(dead.get(0), "dead-letter-reason"));
        await().atMost(WITHIN).until(() -> "held".equals(view(clinic, course.id()).getString("status")));
    }

    @Test
    void theConsumedTopicAndItsDeadLetterTopicExistWithTheirPartitions() {
        Map<String, TopicDescription> topics = Topics.describe(CHECKINS, CHECKINS + ".dlq");
        assertEquals(6, topics.get(CHECKINS).partitions().size());
        assertEquals(1, topics.get(CHECKINS + ".dlq").partitions().size());
    }

    private static ProducerRecord<String, String> checkIn(UUID eventId, String type, UUID clinicId, UUID courseId,
            String severity) {
        return CheckIns.event(eventId, type, clinicId, courseId, severity);
    }

    private record Booked(UUID id, List<String> sessionIds) {
    }

    private static Booked book(TestClinic clinic) {
        UUID practitioner = clinic.addPractitioner("Dr. Hold");
        UUID room = clinic.addRoom("Room H");
        JsonPath booked = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(practitioner, room, LocalDate.of(2027, 6, 7)))
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath();
        return new Booked(UUID.fromString(booked.getString("id")), booked.getList("sessions.id", String.class));
    }

    private static JsonPath view(TestClinic clinic, UUID courseId) {
        return given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/{id}", courseId)
                .then().statusCode(200).extract().jsonPath();
    }
}
