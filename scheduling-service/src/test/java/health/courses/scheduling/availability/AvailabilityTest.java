package health.courses.scheduling.availability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AvailabilityTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);

    @Test
    void offersOnlyStartTimesWhereTheWholeCourseFitsAndTheyBook() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        UUID otherRoom = clinic.addRoom("Room 2");
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(practitioner, room, MONDAY)).post("/api/v1/courses").then().statusCode(201);

        long started = System.nanoTime();
        JsonPath free = query(clinic).queryParam("practitionerId", practitioner.toString())
                .queryParam("from", "2027-03-22").queryParam("to", "2027-03-28").queryParam("sessionsPerWeek", 3)
                .get("/api/v1/availability").then().statusCode(200).extract().jsonPath();
        System.out.println("Availability for a week, two patterns, took " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertEquals("Europe/Berlin", free.getString("zone"));
        assertThat(free.getList("patterns.recurrence"), contains("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12",
                "FREQ=WEEKLY;BYDAY=TU,TH,SA;COUNT=12"));
        assertThat(free.getList("patterns[0].starts.date"), contains("2027-03-22", "2027-03-24", "2027-03-26"));
        List<String> monday = free.getList("patterns[0].starts[0].startTimes");
        assertThat(monday, hasItems("2027-03-22T08:00:00+01:00", "2027-03-22T09:30:00+01:00", "2027-03-22T10:30:00+01:00",
                "2027-03-22T17:30:00+01:00"));
        assertThat(monday, not(hasItem("2027-03-22T10:00:00+01:00")));
        assertThat(monday, not(hasItem("2027-03-22T09:45:00+01:00")));
        assertThat(monday, not(hasItem("2027-03-22T17:45:00+01:00")));
        // Saturdays are closed by default, so no Tue/Thu/Sat course fits.
        assertThat(free.getList("patterns[1].starts"), empty());

        Map<String, Object> offered = new LinkedHashMap<>(Bookings.threeAWeek(practitioner, otherRoom, MONDAY));
        offered.put("localTime", "10:30");
        Response booked = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(offered)
                .post("/api/v1/courses");
        assertEquals(201, booked.statusCode(), booked.asString());
    }

    @Test
    void refusesARangeOverAMonthAndAnotherClinicsPractitioner() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");

        Response tooLong = query(clinic).queryParam("practitionerId", practitioner.toString())
                .queryParam("from", "2027-03-01").queryParam("to", "2027-04-15").queryParam("sessionsPerWeek", 2)
                .get("/api/v1/availability");
        assertEquals(400, tooLong.statusCode(), tooLong.asString());
        assertThat(tooLong.jsonPath().getList("errors.field"), contains("to"));

        Response missing = query(clinic).get("/api/v1/availability");
        assertEquals(400, missing.statusCode(), missing.asString());
        assertThat(missing.jsonPath().getList("errors.field"), hasItems("practitionerId", "from", "to", "sessionsPerWeek"));

        Response foreign = query(TestClinic.fresh()).queryParam("practitionerId", practitioner.toString())
                .queryParam("from", "2027-03-22").queryParam("to", "2027-03-28").queryParam("sessionsPerWeek", 2)
                .get("/api/v1/availability");
        assertEquals(404, foreign.statusCode(), foreign.asString());
    }

    private static RequestSpecification query(TestClinic clinic) {
        return given().auth().oauth2(clinic.bookingToken());
    }
}
