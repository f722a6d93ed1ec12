package health.courses.scheduling.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
class BookingRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Mondays; New York springs forward on Sunday 2027-03-14, Berlin on Sunday 2027-03-28. */
    private static final LocalDate BEFORE_NEW_YORK_DST = LocalDate.of(2027, 3, 8);
    private static final LocalDate BEFORE_BERLIN_DST = LocalDate.of(2027, 3, 22);

    @Inject
    Rows rows;

    @Test
    void keepsTenLocalAcrossTheNewYorkDaylightSavingChangeWithNoConsecutiveDays() {
        TestClinic clinic = TestClinic.fresh();
        settings(clinic, "America/New_York", weekdays("08:00", "18:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)).then().statusCode(200);
        Map<String, Object> body = Bookings.threeAWeek(clinic.addPractitioner("Dr. Hill"), clinic.addRoom("Room 1"),
                BEFORE_NEW_YORK_DST);

        long started = System.nanoTime();
        Response booked = book(clinic, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Booking a 12-session course took " + millis + " ms");

        assertEquals(201, booked.statusCode(), booked.asString());
        assertEquals("America/New_York", booked.jsonPath().getString("zone"));
        List<OffsetDateTime> starts = starts(booked.jsonPath());
        assertThat(starts, hasSize(12));
        for (OffsetDateTime start : starts) {
            assertEquals(LocalTime.of(10, 0), start.atZoneSameInstant(NEW_YORK).toLocalTime(), start.toString());
            assertEquals(LocalTime.of(10, 0), start.toLocalTime(), start.toString());
        }
        assertEquals(ZoneOffset.ofHours(-5), starts.get(0).getOffset());
        assertEquals(ZoneOffset.ofHours(-4), starts.get(11).getOffset());
        assertNoConsecutiveDays(starts);
    }

    @Test
    void aConflictAtTheFifthOccurrenceRefusesTheWholeCourseNamingItAndWritesNothing() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        UUID otherRoom = clinic.addRoom("Room 2");
        // Another course of the same practitioner, well after ours, with its first session moved (as a reschedule
        // would) onto Wednesday 31 March 10:00: the 5th occurrence of a Mon/Wed/Fri course from 22 March.
        JsonPath other = book(clinic, Bookings.threeAWeek(practitioner, otherRoom, LocalDate.of(2027, 6, 7)))
                .then().statusCode(201).extract().jsonPath();
        OffsetDateTime fifth = LocalDate.of(2027, 3, 31).atTime(10, 0).atZone(BERLIN).toOffsetDateTime();
        rows.moveSession(UUID.fromString(other.getString("sessions[0].id")), fifth, fifth.plusMinutes(30));

        Response refused = book(clinic, Bookings.threeAWeek(practitioner, room, BEFORE_BERLIN_DST));

        assertEquals(409, refused.statusCode(), refused.asString());
        JsonPath problem = refused.jsonPath();
        assertEquals("https://courses.health/problems/slot-taken", problem.getString("type"));
        assertThat(problem.getList("conflicts.number"), contains(5));
        assertEquals("2027-03-31", problem.getString("conflicts[0].date"));
        assertEquals("2027-03-31T10:00:00+02:00", problem.getString("conflicts[0].start"));
        assertThat(problem.getList("conflicts[0].reasons"), contains("practitioner-busy"));
        List<String> alternatives = problem.getList("conflicts[0].alternatives");
        assertThat(alternatives, hasSize(3));
        assertThat(alternatives, hasItem("2027-03-31T10:30:00+02:00"));
        assertThat(alternatives, not(hasItem("2027-03-31T10:00:00+02:00")));
        // Only the other course is in the database: no course, session or outbox row of the refused one.
        assertEquals(1, rows.courses(clinic.id()));
        assertEquals(12, rows.sessions(clinic.id()));
        assertEquals(13, rows.outboxRows(clinic.id()));
    }

    @Test
    void aClosureMovesASessionWithinItsWeekKeepingTheSpacing() {
        TestClinic clinic = TestClinic.fresh();
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-04-01", "reason", "Maundy Thursday")).post("/api/v1/closures")
                .then().statusCode(201);
        Map<String, Object> body = with(with(Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"),
                clinic.addRoom("Room 1"), BEFORE_BERLIN_DST), "sessionsPerWeek", 2), "weekdays",
                List.of("MONDAY", "THURSDAY"));

        Response booked = book(clinic, body);

        assertEquals(201, booked.statusCode(), booked.asString());
        JsonPath course = booked.jsonPath();
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8", course.getString("recurrence"));
        List<OffsetDateTime> starts = starts(course);
        // Thursday 1 April is closed: Friday 2 April leaves the longer rest (4 days after Monday, 3 before the
        // next Monday) than Wednesday (2 days after Monday); Tuesday would follow Monday directly.
        assertEquals(LocalDate.of(2027, 4, 2), starts.get(3).toLocalDate());
        assertEquals(LocalTime.of(10, 0), starts.get(3).toLocalTime());
        assertEquals("2027-04-01", course.getString("sessions[3].movedFrom"));
        assertEquals(null, course.getString("sessions[2].movedFrom"));
        assertThat(starts.stream().map(OffsetDateTime::toLocalDate).toList(), not(hasItem(LocalDate.of(2027, 4, 1))));
        assertNoConsecutiveDays(starts);
    }

    @Test
    void aSessionOutsideOpeningHoursIsRefusedWithAlternativesInsideThem() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = with(Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"),
                clinic.addRoom("Room 1"), BEFORE_BERLIN_DST), "localTime", "17:45");

        Response refused = book(clinic, body);

        assertEquals(422, refused.statusCode(), refused.asString());
        JsonPath problem = refused.jsonPath();
        assertEquals("https://courses.health/problems/course-not-schedulable", problem.getString("type"));
        assertThat(problem.getList("conflicts"), hasSize(12));
        assertThat(problem.getList("conflicts[0].reasons"), contains("outside-opening-hours"));
        assertEquals("2027-03-22T17:30:00+01:00", problem.getString("conflicts[0].alternatives[0]"));
        assertEquals(0, rows.courses(clinic.id()));
    }

    @Test
    void aStartDateInThePastIsRefused() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"), clinic.addRoom("Room 1"),
                BEFORE_BERLIN_DST);

        Response refused = book(clinic, with(body, "startDate", BEFORE_BERLIN_DST.minusDays(14).toString()));

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("https://courses.health/problems/start-date-in-past", refused.jsonPath().getString("type"));
    }

    @Test
    void choosesTuesdayAndFridayWhenMondaysAreClosed() {
        TestClinic clinic = TestClinic.fresh();
        settings(clinic, "Europe/Berlin", weekdays("08:00", "18:00", DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)).then().statusCode(200);
        Map<String, Object> body = with(Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"),
                clinic.addRoom("Room 1"), BEFORE_BERLIN_DST), "sessionsPerWeek", 2);

        Response booked = book(clinic, body);

        assertEquals(201, booked.statusCode(), booked.asString());
        assertEquals("FREQ=WEEKLY;BYDAY=TU,FR;COUNT=8", booked.jsonPath().getString("recurrence"));
        assertNoConsecutiveDays(starts(booked.jsonPath()));
    }

    @Test
    void fiftyConcurrentBookingsOfOnePractitionerAndTimeBookExactlyOne() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"), clinic.addRoom("Room 1"),
                BEFORE_BERLIN_DST);
        ExecutorService requests = Executors.newFixedThreadPool(50);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(() -> book(clinic, body).statusCode());
            }
            long started = System.nanoTime();
            for (Future<Integer> status : requests.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            System.out.println("50 concurrent bookings answered in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } finally {
            requests.shutdownNow();
        }

        assertThat(statuses, everyItem(oneOf(201, 409)));
        assertThat(statuses, everyItem(lessThan(500)));
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(1, rows.courses(clinic.id()));
        assertEquals(12, rows.sessions(clinic.id()));
        assertEquals(13, rows.outboxRows(clinic.id()));
    }

    static Response settings(TestClinic clinic, String zone, List<Map<String, Object>> openingHours) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", "Test clinic");
        settings.put("zone", zone);
        settings.put("openingHours", openingHours);
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(settings)
                .put("/api/v1/clinic");
    }

    static List<Map<String, Object>> weekdays(String opens, String closes, DayOfWeek... days) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (DayOfWeek day : days) {
            hours.add(Map.of("weekday", day.name(), "opens", opens, "closes", closes));
        }
        return hours;
    }

    private static List<OffsetDateTime> starts(JsonPath course) {
        return course.<String>getList("sessions.start").stream().map(OffsetDateTime::parse).toList();
    }

    private static void assertNoConsecutiveDays(List<OffsetDateTime> starts) {
        for (int i = 1; i < starts.size(); i++) {
            assertThat("days between sessions " + i + " and " + (i + 1),
                    ChronoUnit.DAYS.between(starts.get(i - 1).toLocalDate(), starts.get(i).toLocalDate()),
                    greaterThanOrEqualTo(2L));
        }
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
}
