package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.ReceivedMail;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The clinical loop across both services, the broker and the mail server: a session is completed, the next-day
 * check-in mail reaches the patient, the patient answers "unable to urinate" on the page the link opens, and the
 * escalation comes back over Kafka and puts the course on hold, whose held sessions then never get a reminder.
 */
@SystemTest
class CheckInEscalationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/check-in/([A-Za-z0-9_-]{43})");
    private static final Duration MAIL_WITHIN = Duration.ofSeconds(30);
    /** The promise: the hold is in place within 5 s of the answer. */
    private static final Duration HOLD_WITHIN = Duration.ofSeconds(5);
    /**
     * One of these zones always has a daytime clock, so the check-in (which waits out the patient's quiet hours,
     * 21:00-08:00) is due at once and today's already-ended session fits the clinic's day, whenever CI runs.
     */
    private static final List<ZoneId> ZONES = Stream.of("Pacific/Honolulu", "America/Los_Angeles", "America/New_York",
            "America/Sao_Paulo", "Atlantic/Azores", "Europe/Berlin", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok",
            "Asia/Tokyo", "Pacific/Auckland").map(ZoneId::of).toList();

    /** A course whose first session was completed and whose check-in link reached the patient's mailbox. */
    private record CheckInReady(String token, String courseId, List<String> sessions, String patientId, String email,
            String link) {
    }

    @Test
    void urgentAnswerHoldsTheCourseAndItsHeldSessionsGetNoReminder(SystemUnderTest system) {
        CheckInReady ready = completedSessionWithCheckInLink(system);
        given().redirects().follow(false).get(ready.link())
                .then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<form"));

        long answered = System.nanoTime();
        answerUnableToUrinate(ready);
        awaitHeld(system, ready, HOLD_WITHIN);
        System.out.printf("check-in answered \"unable to urinate\" -> course held in scheduling-service after %d ms%n",
                Duration.ofNanos(System.nanoTime() - answered).toMillis());
        assertHeldSessionsGetNoReminder(system, ready);
    }

    /**
     * The answer, its decision and the outgoing escalation commit together in notification-service's outbox: an
     * answer given while the broker is down, with the service then killed before it could publish, still reaches
     * scheduling-service once the broker and the service are back.
     */
    @Test
    void urgentAnswerDuringABrokerOutageSurvivesAKillAndStillHoldsTheCourse(SystemUnderTest system) {
        CheckInReady ready = completedSessionWithCheckInLink(system);
        system.stopKafka();
        try {
            answerUnableToUrinate(ready);
            system.notification().kill();
        } finally {
            system.startKafka();
        }
        system.restart(system.notification());

        awaitHeld(system, ready, MAIL_WITHIN);
        assertHeldSessionsGetNoReminder(system, ready);
        try (TopicReader topic = new TopicReader(system.kafkaBootstrapServers(), "patient-checkin-events")) {
            List<ConsumerRecord<String, String>> escalations = topic.readAll(record -> ready.courseId().equals(record.key())
                    && TopicReader.header(record, "ce_type").filter("checkin.escalated.v1"::equals).isPresent(),
                    Duration.ofSeconds(5));
            // At least once on the topic, and one event: a redelivery would carry the same ce_id for the inbox to drop.
            assertFalse(escalations.isEmpty(), "the escalation reached the topic");
            assertEquals(1, escalations.stream().map(record -> TopicReader.header(record, "ce_id").orElseThrow())
                    .distinct().count(), "one escalation event: " + escalations);
        }
    }

    private static CheckInReady completedSessionWithCheckInLink(SystemUnderTest system) {
        ZoneId zone = ZONES.stream()
                .filter(candidate -> {
                    LocalTime local = ZonedDateTime.now(candidate).toLocalTime();
                    return local.isAfter(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(20, 0));
                })
                .findFirst().orElseThrow();
        // A clinic of its own: its zone and hours are this test's, no other test books in it.
        String clinicId = UUID.randomUUID().toString();
        String token = system.token(clinicId, "booking", "clinician");
        openAllDay(system, token, zone);
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Praxis System", "checkIn", Map.of("after", "PT1S"),
                        "followUpDelay", "PT1H"))
                .put("/api/v1/notification-settings")
                .then().statusCode(anyOf(is(200), is(201)));

        ZonedDateTime now = ZonedDateTime.now(zone);
        String patientId = evaluatedPatient(system, token, zone, now);
        String email = "checkin-" + UUID.randomUUID() + "@example.test";
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "language", "en", "zone", zone.getId()))
                .put("/api/v1/patients/{patientId}/contact", patientId)
                .then().statusCode(anyOf(is(200), is(201), is(204)));

        // Today's first session is booked half an hour ahead (a start before now is refused), then time passes: it
        // started 11 minutes ago and lasted 10, so it may be completed now and its check-in (1 s after its end) is
        // due at once; the others lie days ahead.
        LocalTime booked = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(30);
        DayOfWeek today = now.getDayOfWeek();
        JsonPath course = given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId,
                        "practitionerId", create(system, token, "/api/v1/practitioners"),
                        "roomId", create(system, token, "/api/v1/rooms"),
                        "startDate", now.toLocalDate().toString(),
                        "sessionsPerWeek", 2, "weeks", 4,
                        "weekdays", List.of(today.name(), today.plus(3).name()),
                        "localTime", booked.toString(), "sessionMinutes", 10))
                .post("/api/v1/courses")
                .then().statusCode(201)
                .extract().jsonPath();
        String courseId = course.getString("id");
        List<String> sessions = course.getList("sessions.id", String.class);
        assertEquals(8, sessions.size(), course.prettify());
        TimePasses.sessionEndedAMinuteAgo(system.jdbcUrl(), sessions.get(0), zone);

        given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("intensity", 2))
                .post("/api/v1/sessions/{id}/complete", sessions.get(0))
                .then().statusCode(200);
        // The later sessions' reminders are planned (24 h and 2 h before) before anything is held.
        await().atMost(MAIL_WITHIN).until(() -> reminders(system, token, patientId, sessions.subList(1, 8)).size(),
                planned -> planned >= 7);

        String link = await().atMost(MAIL_WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> checkInLink(system.mailbox(email)), Optional::isPresent)
                .orElseThrow();
        return new CheckInReady(token, courseId, sessions, patientId, email, link);
    }

    private static void answerUnableToUrinate(CheckInReady ready) {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("pain", "0").formParam("urination", "unable")
                .formParam("erectileDifficulty", "no").formParam("irritation", "no")
                .post(ready.link())
                .then().statusCode(200)
                .body(containsString("call your physician"));
    }

    private static void awaitHeld(SystemUnderTest system, CheckInReady ready, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> given().baseUri(system.schedulingUrl()).auth().oauth2(ready.token())
                        .get("/api/v1/courses/{id}", ready.courseId()).then().statusCode(200)
                        .extract().jsonPath().getString("status"), "held"::equals);
        JsonPath held = given().baseUri(system.schedulingUrl()).auth().oauth2(ready.token())
                .get("/api/v1/courses/{id}", ready.courseId()).then().extract().jsonPath();
        assertEquals("completed", held.getString("sessions[0].status"));
        assertEquals(List.of("held"), held.getList("sessions[1..7].status", String.class).stream().distinct().toList(),
                held.prettify());
    }

    /** Withdrawn is final: the dispatcher never sends a withdrawn notification (issue 6). */
    private static void assertHeldSessionsGetNoReminder(SystemUnderTest system, CheckInReady ready) {
        await().atMost(MAIL_WITHIN).untilAsserted(() -> {
            List<Map<String, Object>> reminders = reminders(system, ready.token(), ready.patientId(),
                    ready.sessions().subList(1, 8));
            assertFalse(reminders.isEmpty());
            assertEquals(List.of("withdrawn"), reminders.stream().map(r -> r.get("status")).distinct().toList(),
                    reminders.toString());
        });
        List<ReceivedMail> mails = system.mailbox(ready.email());
        assertTrue(mails.stream().noneMatch(mail -> mail.subject().toLowerCase().contains("reminder")),
                "no reminder mail: " + mails.stream().map(ReceivedMail::subject).toList());
    }

    private static Optional<String> checkInLink(List<ReceivedMail> mails) {
        for (ReceivedMail mail : mails) {
            Matcher matcher = LINK.matcher(mail.text() == null ? "" : mail.text());
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /** The session reminders planned for {@code sessionIds}, as the clinic's ledger shows them. */
    private static List<Map<String, Object>> reminders(SystemUnderTest system, String token, String patientId,
            List<String> sessionIds) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(system.notificationUrl()).auth().oauth2(token).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/patients/{id}/notifications", patientId)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream()
                    .filter(item -> "session-reminder".equals(item.get("kind")))
                    .filter(item -> sessionIds.contains(String.valueOf(item.get("sessionId"))))
                    .forEach(found::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return found;
    }

    private static void openAllDay(SystemUnderTest system, String token, ZoneId zone) {
        String etag = given().baseUri(system.schedulingUrl()).auth().oauth2(token)
                .get("/api/v1/clinic").then().statusCode(200).extract().header("ETag");
        List<Map<String, String>> hours = Stream.of(DayOfWeek.values())
                .map(day -> Map.of("weekday", day.name(), "opens", "00:00", "closes", "23:59"))
                .toList();
        var request = given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        request.body(Map.of("name", "Praxis System", "zone", zone.getId(), "openingHours", hours, "minGapHours", 44))
                .put("/api/v1/clinic")
                .then().statusCode(200);
    }

    private static String evaluatedPatient(SystemUnderTest system, String token, ZoneId zone, ZonedDateTime now) {
        String patientId = given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-" + UUID.randomUUID(), "zone", zone.getId(), "language", "en"))
                .post("/api/v1/patients")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
        given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", now.toLocalDate().toString(), "clinician", "Dr. System",
                        "findings", List.of("chronic-prostatitis")))
                .post("/api/v1/patients/{id}/evaluations", patientId)
                .then().statusCode(201);
        return patientId;
    }

    private static String create(SystemUnderTest system, String token, String path) {
        return given().baseUri(system.schedulingUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "System " + UUID.randomUUID()))
                .post(path)
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }
}
