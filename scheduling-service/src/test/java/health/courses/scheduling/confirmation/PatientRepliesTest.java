package health.courses.scheduling.confirmation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.Replies;
import health.courses.scheduling.support.Replies.Reply;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.TestClock;
import health.courses.scheduling.support.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the way back: a patient's replies, produced on the real patient-checkin-events topic as notification-service
 * publishes them, set the session's confirmation once; a move or cancellation resets it; replies the session can no
 * longer take are recorded and change nothing; an invalid reply is dead-lettered and consumption goes on.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PatientRepliesTest {

    /** Mon 6 Sep 2027: sessions Mon/Wed/Fri 10:00 (+02:00) until Fri 1 Oct; booked on Mon 30 Aug (the clock). */
    private static final LocalDate START = LocalDate.of(2027, 9, 6);
    /** The clinic's now while the tests book: noon UTC a week before the start (BookedCourse moves the clock there). */
    private static final Instant BOOKED = START.minusDays(7).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    Rows rows;

    @Inject
    TestClock clock;

    private BookedCourse course;

    @BeforeEach
    void book() {
        course = BookedCourse.book(START);
        clock.travelTo(BOOKED);
    }

    @Test
    void aConfirmationDeliveredTwiceAndRepublishedConfirmsTheSessionOnce() {
        Reply reply = Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED.plusSeconds(600));
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = reply.record(eventId);
        UUID republished = UUID.randomUUID();

        Topics.send(record);
        Topics.send(record);
        Topics.send(reply.record(republished));

        await().atMost(WITHIN).until(() -> "duplicate-reply".equals(rows.inboxOutcome(republished)));
        assertEquals("applied", rows.inboxOutcome(eventId));
        JsonPath view = course.view();
        assertEquals("confirmed", view.getString("sessions[0].confirmation"));
        assertEquals(BOOKED.plusSeconds(600), instant(view.getString("sessions[0].confirmationChangedAt")));
        assertEquals("unconfirmed", view.getString("sessions[1].confirmation"));
        assertNull(view.getString("sessions[1].confirmationChangedAt"), "absent while never set");
        assertTrue(view.getMap("sessions[1]").keySet().stream().noneMatch("confirmationChangedAt"::equals));
        assertEquals(1, view.getInt("version"), "a reply is not a change of the course: a pending If-Match still holds");

        // The session answer says the same; another clinic does not find the session at all.
        JsonPath session = course.as("clinician").get("/api/v1/sessions/{id}", course.session(1)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("confirmed", session.getString("confirmation"));
        assertEquals(course.id().toString(), session.getString("courseId"));
        assertEquals(view.getString("sessions[0].confirmationChangedAt"), session.getString("confirmationChangedAt"));
        given().auth().oauth2(TestClinic.fresh().bookingToken()).get("/api/v1/sessions/{id}", course.session(1)).then()
                .statusCode(404);
        // An EHR reads the answer where FHIR keeps it: the patient participant of the Appointment accepted it, the
        // next session still needs the patient's action.
        assertEquals("accepted", course.as("clinician").get("/fhir/r4/Appointment/{id}", course.session(1)).then()
                .statusCode(200).extract().jsonPath().getString("participant[0].status"));
        assertEquals("needs-action", course.as("clinician").get("/fhir/r4/Appointment/{id}", course.session(2)).then()
                .statusCode(200).extract().jsonPath().getString("participant[0].status"));

        // Audited once, as the system's doing on the patient's behalf.
        JsonPath audit = given().auth().oauth2(course.clinic().token("clinician"))
                .get("/api/v1/audit?resourceType=session&resourceId=" + course.session(1)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("session.confirmed"), audit.getList("items.action"));
        assertEquals("system:patient-reply", audit.getString("items[0].subject"));
        assertEquals(1, rows.count("SELECT count(*) FROM scheduling.session_reply WHERE id = ?", reply.replyId()));
    }

    @Test
    void aRescheduleRequestShowsAndAMoveResetsItSoAnOlderReplyIsIgnoredAndANewerOneCounts() {
        Reply request = Reply.rescheduleRequest(course.clinic().id(), course.id(), course.session(2),
                BOOKED.plusSeconds(600));
        UUID requested = UUID.randomUUID();
        Topics.send(request.record(requested));
        await().atMost(WITHIN).until(() -> "applied".equals(rows.inboxOutcome(requested)));
        assertEquals("reschedule-requested", course.view().getString("sessions[1].confirmation"));
        assertEquals("reschedule-requested", agendaConfirmation(course.session(2)));

        // The clinic calls and moves the session an hour later: the request is answered, the state starts again.
        Instant moved = BOOKED.plusSeconds(3600);
        clock.travelTo(moved);
        JsonPath after = course.sessionChange(2, "reschedule", Map.of("start", "2027-09-08T11:00")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("unconfirmed", after.getString("sessions[1].confirmation"));
        assertEquals(moved, instant(after.getString("sessions[1].confirmationChangedAt")));

        // A confirmation sent before the move (it was about the old time) arrives late: recorded, nothing changes.
        UUID late = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(2), BOOKED.plusSeconds(1800))
                .record(late));
        await().atMost(WITHIN).until(() -> "changed-after-reply".equals(rows.inboxOutcome(late)));
        assertEquals("unconfirmed", course.view().getString("sessions[1].confirmation"));

        // One sent after the move confirms the new time.
        UUID fresh = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(2), moved.plusSeconds(60))
                .record(fresh));
        await().atMost(WITHIN).until(() -> "applied".equals(rows.inboxOutcome(fresh)));
        assertEquals("confirmed", course.view().getString("sessions[1].confirmation"));
    }

    @Test
    void cancellingASessionOrTheCourseResetsItsConfirmation() {
        UUID first = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED.plusSeconds(60))
                .record(first));
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(3), BOOKED.plusSeconds(60))
                .record(third));
        await().atMost(WITHIN).until(() -> "applied".equals(rows.inboxOutcome(third))
                && "applied".equals(rows.inboxOutcome(first)));

        clock.travelTo(BOOKED.plusSeconds(3600));
        JsonPath cancelled = course.sessionChange(1, "cancel", Map.of("by", "patient", "reason", "illness")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("cancelled", cancelled.getString("sessions[0].status"));
        assertEquals("unconfirmed", cancelled.getString("sessions[0].confirmation"));
        assertEquals("confirmed", cancelled.getString("sessions[2].confirmation"), "only the cancelled session resets");

        JsonPath ended = course.courseChange("cancel", Map.of("reason", "patient-request")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("cancelled", ended.getString("sessions[2].status"));
        assertEquals("unconfirmed", ended.getString("sessions[2].confirmation"));
        assertEquals(BOOKED.plusSeconds(3600), instant(ended.getString("sessions[2].confirmationChangedAt")));
    }

    @Test
    void aReplyForASessionNoLongerScheduledOrNotTheClinicsIsRecordedAndChangesNothing() {
        course.sessionChange(1, "cancel", Map.of("by", "clinic", "reason", "practitioner-ill")).then().statusCode(200);
        JsonPath before = course.view();

        UUID forCancelled = UUID.randomUUID();
        UUID otherClinic = UUID.randomUUID();
        UUID unknownSession = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED.plusSeconds(600))
                .record(forCancelled));
        Topics.send(Reply.confirmation(UUID.randomUUID(), course.id(), course.session(2), BOOKED.plusSeconds(600))
                .record(otherClinic));
        Topics.send(Reply.rescheduleRequest(course.clinic().id(), course.id(), UUID.randomUUID().toString(),
                BOOKED.plusSeconds(600)).record(unknownSession));

        await().atMost(WITHIN).until(() -> rows.inboxOutcome(unknownSession) != null && rows.inboxOutcome(otherClinic) != null
                && rows.inboxOutcome(forCancelled) != null);
        assertEquals("not-scheduled", rows.inboxOutcome(forCancelled));
        assertEquals("unknown-session", rows.inboxOutcome(otherClinic), "no session of that clinic");
        assertEquals("unknown-session", rows.inboxOutcome(unknownSession));
        assertEquals(before.getMap(""), course.view().getMap(""));
        assertEquals(3, rows.count("SELECT count(*) FROM scheduling.session_reply WHERE course_id = ? AND outcome <> 'applied'",
                course.id()));
        assertEquals(0, rows.count("SELECT count(*) FROM scheduling.audit_log WHERE resource_type = 'session' AND resource_id = ?"
                + " AND action LIKE 'session.confirm%'", UUID.fromString(course.session(1))));
    }

    @Test
    void anInvalidReplyGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String poisonKey = "poison-reply-" + UUID.randomUUID();
        String invalid = Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED).data()
                .replace("\"sms\"", "\"fax\"");
        Topics.send(Replies.record(UUID.randomUUID(), Replies.CONFIRMED, poisonKey, invalid));
        String malformed = Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED).data()
                .replace(course.session(1), "session-one");
        Topics.send(Replies.record(UUID.randomUUID(), Replies.RESCHEDULE, poisonKey, malformed));
        UUID good = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(1), BOOKED.plusSeconds(60))
                .record(good));

        List<ConsumerRecord<String, String>> dead = Topics.read(CHECKINS_DLQ, record -> poisonKey.equals(record.key()), 2,
                Duration.ZERO);
        List<String> reasons = dead.stream().map(record -> Topics.header(record, "dead-letter-reason")).toList();
        assertTrue(reasons.get(0).contains("unreadable patient reply: channel must be sms or email"), reasons.get(0));
        assertTrue(reasons.get(1).contains("unreadable patient reply: malformed member sessionId"), reasons.get(1));
        await().atMost(WITHIN).until(() -> "applied".equals(rows.inboxOutcome(good)));
        assertEquals("confirmed", course.view().getString("sessions[0].confirmation"));
    }

    @Test
    void theCallListIsTheDaysScheduledSessionsNobodyConfirmed() {
        BookedCourse other = course.another(START, "11:00");
        BookedCourse third = course.another(START, "12:00");
        UUID confirmed = UUID.randomUUID();
        Topics.send(Reply.confirmation(course.clinic().id(), other.id(), other.session(1), BOOKED.plusSeconds(60))
                .record(confirmed));
        await().atMost(WITHIN).until(() -> "applied".equals(rows.inboxOutcome(confirmed)));
        third.sessionChange(1, "cancel", Map.of("by", "patient", "reason", "travel")).then().statusCode(200);

        // Monday's sessions: course 10:00 (unconfirmed), other 11:00 (confirmed), third 12:00 (cancelled, unconfirmed).
        JsonPath callList = agenda(Map.of("from", START.toString(), "to", START.plusDays(1).toString(),
                "status", "scheduled", "confirmation", "unconfirmed"));
        assertEquals(List.of(course.session(1)), callList.getList("items.id"));
        assertEquals("unconfirmed", callList.getString("items[0].confirmation"));
        assertEquals(List.of(other.session(1)), agenda(Map.of("from", START.toString(),
                "to", START.plusDays(1).toString(), "confirmation", "confirmed")).getList("items.id"));
        assertEquals(List.of(course.session(1), third.session(1)), agenda(Map.of("from", START.toString(),
                "to", START.plusDays(1).toString(), "confirmation", "unconfirmed")).getList("items.id"));

        JsonPath bad = course.as("booking").queryParams(Map.of("from", START.toString(),
                        "to", START.plusDays(1).toString(), "confirmation", "maybe"))
                .get("/api/v1/sessions").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals("confirmation", bad.getString("errors[0].field"));
        assertEquals("one-of", bad.getString("errors[0].rule"));
        assertEquals("status", course.as("booking").queryParams(Map.of("from", START.toString(),
                        "to", START.plusDays(1).toString(), "status", "gone"))
                .get("/api/v1/sessions").then().statusCode(400).extract().jsonPath().getString("errors[0].field"));
    }

    private static final String CHECKINS_DLQ = "patient-checkin-events.dlq";

    private JsonPath agenda(Map<String, String> query) {
        return course.as("booking").queryParams(query).get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
    }

    private String agendaConfirmation(String sessionId) {
        JsonPath week = agenda(Map.of("from", START.toString(), "to", START.plusDays(7).toString()));
        return week.getString("items[" + week.getList("items.id").indexOf(sessionId) + "].confirmation");
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
