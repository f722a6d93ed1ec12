package health.courses.scheduling.course;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseBookingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday; Europe/Berlin springs forward on Sunday 2027-03-28. */
    private static final LocalDate BEFORE_DST = LocalDate.of(2027, 3, 22);

    @Inject
    Rows rows;

    @Test
    void booksThreeSessionsAWeekForFourWeeksAtTenLocalAcrossTheDaylightSavingChange() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");

        Response booked = book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_DST));

        assertEquals(201, booked.statusCode(), booked.asString());
        JsonPath course = booked.jsonPath();
        String id = course.getString("id");
        assertThat(booked.header("Location"), startsWith("http"));
        assertThat(booked.header("Location").endsWith("/api/v1/courses/" + id), is(true));
        assertEquals("scheduled", course.getString("status"));
        assertEquals(1, course.getInt("version"));
        assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", course.getString("recurrence"));
        assertEquals("Europe/Berlin", course.getString("zone"));
        List<Map<String, Object>> sessions = course.getList("sessions");
        assertThat(sessions, hasSize(12));

        List<OffsetDateTime> starts = course.<String>getList("sessions.start").stream()
                .map(OffsetDateTime::parse).toList();
        for (OffsetDateTime start : starts) {
            assertEquals(LocalTime.of(10, 0), start.atZoneSameInstant(BERLIN).toLocalTime(), start.toString());
            assertEquals(LocalTime.of(10, 0), start.toLocalTime(), "offset is the clinic zone's: " + start);
        }
        assertEquals(BEFORE_DST, starts.get(0).toLocalDate());
        assertEquals(ZoneOffset.ofHours(1), starts.get(0).getOffset());
        assertEquals(ZoneOffset.ofHours(2), starts.get(11).getOffset());
        for (int i = 1; i < starts.size(); i++) {
            assertThat("days between sessions " + i + " and " + (i + 1),
                    ChronoUnit.DAYS.between(starts.get(i - 1).toLocalDate(), starts.get(i).toLocalDate()),
                    greaterThanOrEqualTo(2L));
        }
        assertThat(course.getList("sessions.number"), contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(course.getList("sessions.status"), everyItem(is("scheduled")));
        assertThat(course.getList("sessions.sequence"), everyItem(is(0)));
        for (Map<String, Object> session : sessions) {
            assertEquals(Duration.ofMinutes(30), Duration.between(OffsetDateTime.parse((String) session.get("start")),
                    OffsetDateTime.parse((String) session.get("end"))));
        }

        JsonPath read = given().auth().oauth2(clinic.token("clinician")).get("/api/v1/courses/" + id).jsonPath();
        assertEquals(course.getList("sessions.start"), read.getList("sessions.start"));
        assertEquals(course.getList("sessions.id"), read.getList("sessions.id"));
        assertEquals("10:00", read.getString("localTime"));
    }

    @Test
    void refusesBadBodiesNamingEveryFieldAndRuleAndWritesNothing() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        Map<String, Object> valid = Bookings.threeAWeek(practitioner, room, BEFORE_DST);

        JsonPath missing = refused(clinic, "{}");
        assertThat(missing.getList("errors.field"), hasItems("patientId", "practitionerId", "roomId", "startDate",
                "sessionsPerWeek", "weeks", "localTime"));
        assertThat(missing.getList("errors.rule"), everyItem(is("not-null")));

        JsonPath tooMany = refused(clinic, with(valid, "sessionsPerWeek", 5));
        assertThat(tooMany.getList("errors.field"), contains("sessionsPerWeek"));
        assertThat(tooMany.getList("errors.rule"), contains("max"));
        assertThat(tooMany.getString("detail"), containsString("sessionsPerWeek: must be 2 or 3"));

        JsonPath malformed = refused(clinic, "{\"patientId\": ");
        assertThat(malformed.getList("errors.field"), contains("body"));
        assertThat(malformed.getList("errors.rule"), contains("json"));

        JsonPath uuid = refused(clinic, with(valid, "patientId", "not-a-uuid"));
        assertThat(uuid.getList("errors.field"), contains("patientId"));
        assertThat(uuid.getList("errors.rule"), contains("format"));

        JsonPath day = refused(clinic, with(valid, "weekdays", List.of("MONDAY", "FUNDAY", "FRIDAY")));
        assertThat(day.getList("errors.field"), contains("weekdays[1]"));

        JsonPath time = refused(clinic, with(valid, "localTime", "25:00"));
        assertThat(time.getList("errors.field"), contains("localTime"));

        JsonPath days = refused(clinic, with(valid, "weekdays", List.of("MONDAY", "THURSDAY")));
        assertThat(days.getList("errors.field"), contains("weekdays"));
        assertThat(days.getList("errors.rule"), contains("consistent-weekdays"));

        assertEquals(0, rows.courses(clinic.id()));
        assertEquals(0, rows.sessions(clinic.id()));
        assertEquals(0, rows.outboxRows(clinic.id()));
    }

    @Test
    void refusesSessionsOnConsecutiveDaysUnderTheClinicsMinimumGap() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = with(Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"),
                clinic.addRoom("Room 1"), BEFORE_DST), "weekdays", List.of("MONDAY", "TUESDAY", "THURSDAY"));

        Response refused = book(clinic, body);

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("https://courses.health/problems/sessions-too-close", refused.jsonPath().getString("type"));
        assertEquals(0, rows.courses(clinic.id()));
    }

    @Test
    void refusesADoubleBookedPractitionerWithSlotTakenAndWritesNothing() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        UUID otherRoom = clinic.addRoom("Room 2");
        assertEquals(201, book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_DST)).statusCode());

        Response second = book(clinic, Bookings.threeAWeek(practitioner, otherRoom, BEFORE_DST));

        assertEquals(409, second.statusCode(), second.asString());
        assertThat(second.contentType(), startsWith("application/problem+json"));
        JsonPath problem = second.jsonPath();
        assertEquals("https://courses.health/problems/slot-taken", problem.getString("type"));
        assertThat(problem.getList("conflicts.number"), contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(problem.getList("conflicts[0].takenBy"), contains("practitioner"));
        assertEquals("2027-03-22T10:00:00+01:00", problem.getString("conflicts[0].start"));
        assertThat(problem.getString("detail"), containsString("session 1 at 2027-03-22T10:00:00+01:00"));

        assertEquals(1, rows.courses(clinic.id()));
        assertEquals(12, rows.sessions(clinic.id()));
        assertEquals(13, rows.outboxRows(clinic.id()));
    }

    @Test
    void namesTheOccurrenceThatCollidesWhenOnlyALaterSessionIsTaken() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID otherPractitioner = clinic.addPractitioner("Dr. Roth");
        UUID room = clinic.addRoom("Room 1");
        Map<String, Object> fridays = with(with(Bookings.threeAWeek(otherPractitioner, room,
                LocalDate.of(2027, 4, 2)), "sessionsPerWeek", 2), "weekdays", List.of("TUESDAY", "FRIDAY"));
        assertEquals(201, book(clinic, fridays).statusCode());

        Response refused = book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_DST));

        assertEquals(409, refused.statusCode(), refused.asString());
        // Friday 2 April 2027 is the 6th session of a Mon/Wed/Fri course starting 22 March; only the room is taken.
        assertEquals(6, refused.jsonPath().getInt("conflicts[0].number"));
        assertThat(refused.jsonPath().getList("conflicts[0].takenBy"), contains("room"));
        assertEquals(1, rows.courses(clinic.id()));
    }

    @Test
    void concurrentBookingsOfTheSameSlotBookExactlyOne() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        List<UUID> rooms = List.of(clinic.addRoom("Room 1"), clinic.addRoom("Room 2"), clinic.addRoom("Room 3"),
                clinic.addRoom("Room 4"));
        ExecutorService requests = Executors.newFixedThreadPool(rooms.size());
        List<Integer> statuses;
        try {
            List<Callable<Integer>> attempts = rooms.stream()
                    .map(room -> (Callable<Integer>) () ->
                            book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_DST)).statusCode())
                    .toList();
            statuses = requests.invokeAll(attempts).stream().map(CourseBookingTest::get).toList();
        } finally {
            requests.shutdownNow();
        }

        assertThat(statuses, everyItem(oneOf(201, 409)));
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(1, rows.courses(clinic.id()));
        assertEquals(12, rows.sessions(clinic.id()));
        assertEquals(13, rows.outboxRows(clinic.id()));
    }

    @Test
    void refusesAPractitionerOfAnotherClinic() {
        TestClinic clinic = TestClinic.fresh();
        UUID foreignPractitioner = TestClinic.fresh().addPractitioner("Dr. Elsewhere");
        UUID room = clinic.addRoom("Room 1");

        Response refused = book(clinic, Bookings.threeAWeek(foreignPractitioner, room, BEFORE_DST));

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("https://courses.health/problems/unknown-reference", refused.jsonPath().getString("type"));
        assertThat(refused.jsonPath().getList("errors.field"), contains("practitionerId"));
        assertEquals(0, rows.courses(clinic.id()));
    }

    @Test
    void marksEveryEventOfABookingPublished() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        assertEquals(201, book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_DST)).statusCode());

        await().atMost(Duration.ofMinutes(1)).until(() -> rows.pendingOutboxRows(clinic.id()) == 0);
        assertEquals(13, rows.outboxRows(clinic.id()));
    }

    static Response book(TestClinic clinic, Object body) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses");
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static JsonPath refused(TestClinic clinic, Object body) {
        Response response = book(clinic, body);
        assertEquals(400, response.statusCode(), response.asString());
        assertThat(response.asString(), response.contentType(), startsWith("application/problem+json"));
        JsonPath problem = response.jsonPath();
        assertEquals("https://courses.health/problems/validation", problem.getString("type"));
        assertEquals(400, problem.getInt("status"));
        return problem;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
