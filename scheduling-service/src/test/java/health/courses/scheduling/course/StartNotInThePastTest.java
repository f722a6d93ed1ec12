package health.courses.scheduling.course;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A course that starts on a day already past is refused, naming the earliest possible start (now rounded up to the
 * quarter hour, in the clinic's zone). The clinic's clock is placed, never waited for.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class StartNotInThePastTest {

    /** A Monday; Europe/Berlin (the default clinic zone) is at +01:00 that day. */
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

    @Inject
    TestClock clock;

    @AfterEach
    void realClockAgain() {
        clock.travelTo((Instant) null);
    }

    @Test
    void aFirstSessionLaterTodayIsBooked() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = booking(clinic, "11:00");
        clock.travelTo(Instant.parse("2027-03-15T09:07:00Z"));  // 10:07 in Berlin

        Response booked = book(clinic, body);

        assertEquals(201, booked.statusCode(), booked.asString());
        assertEquals("2027-03-15T11:00:00+01:00", booked.jsonPath().getString("sessions[0].start"));
    }

    @Test
    void aFirstSessionEarlierTodayNamesTheTimeAndTheEarliestStartAndWritesNothing() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = booking(clinic, "09:40");
        clock.travelTo(Instant.parse("2027-03-15T09:00:00Z"));  // 10:00 in Berlin, on the grid

        Response refused = book(clinic, body);

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("https://courses.health/problems/start-date-in-past", refused.jsonPath().getString("type"));
        assertEquals("2027-03-15T10:00:00+01:00", refused.jsonPath().getString("earliestStart"));
        assertTrue(refused.jsonPath().getString("detail").endsWith("the earliest possible start is 2027-03-15T10:00:00+01:00"),
                refused.jsonPath().getString("detail"));
        assertEquals("localTime", refused.jsonPath().getString("errors[0].field"));
        assertEquals("not-past", refused.jsonPath().getString("errors[0].rule"));
        assertEquals(List.of(), given().auth().oauth2(clinic.bookingToken())
                .get("/api/v1/courses?patientId=" + body.get("patientId")).then().statusCode(200)
                .extract().jsonPath().getList("items"), "nothing was booked");
    }

    @Test
    void aStartDateBeforeTodayNamesTheStartDateAndTheEarliestStart() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = booking(clinic, "11:00");
        clock.travelTo(Instant.parse("2027-03-16T10:45:00Z"));  // Tuesday 11:45 in Berlin, on the grid

        Response refused = book(clinic, body);

        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("2027-03-16T11:45:00+01:00", refused.jsonPath().getString("earliestStart"));
        assertEquals("startDate", refused.jsonPath().getString("errors[0].field"));
        assertEquals("not-past", refused.jsonPath().getString("errors[0].rule"));
    }

    private static Map<String, Object> booking(TestClinic clinic, String localTime) {
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        Map<String, Object> body = new LinkedHashMap<>(Bookings.threeAWeek(practitioner, room, MONDAY));
        body.put("localTime", localTime);
        return body;
    }

    private static Response book(TestClinic clinic, Object body) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses");
    }
}
