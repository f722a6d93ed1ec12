package health.courses.scheduling.course;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a booking is BEGIN, one read, one write and COMMIT, whether or not it carries an Idempotency-Key (the
 * claim rides on the read, the stored answer on the write). Counted by the service's own summary of round trips per
 * committed booking, which every statement of the booking path goes through (BookingStore).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class BookingRoundTripsTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 4, 12);

    @Test
    void aBookingTakesFourRoundTripsWithAndWithoutAnIdempotencyKey() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");

        double[] before = roundTrips();
        Response keyed = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Bookings.threeAWeek(practitioner, room, MONDAY)).post("/api/v1/courses");
        assertEquals(201, keyed.statusCode(), keyed.asString());
        double[] afterKeyed = roundTrips();
        assertEquals(1.0, afterKeyed[0] - before[0], "one booking counted");
        assertEquals(4.0, afterKeyed[1] - before[1], "round trips of a booking with an Idempotency-Key");

        Map<String, Object> plain = Bookings.threeAWeek(practitioner, room, MONDAY.plusWeeks(5));
        Response unkeyed = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(plain).post("/api/v1/courses");
        assertEquals(201, unkeyed.statusCode(), unkeyed.asString());
        double[] afterPlain = roundTrips();
        assertEquals(1.0, afterPlain[0] - afterKeyed[0], "one booking counted");
        assertEquals(4.0, afterPlain[1] - afterKeyed[1], "round trips of a booking without a key");
    }

    /** count and sum of courses_booking_round_trips from the Prometheus scrape. */
    private static double[] roundTrips() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new double[] {value(metrics, "courses_booking_round_trips_count"),
                value(metrics, "courses_booking_round_trips_sum")};
    }

    private static double value(String metrics, String name) {
        Matcher found = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        return found.find() ? Double.parseDouble(found.group(2)) : 0.0;
    }
}
