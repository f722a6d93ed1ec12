package health.courses.scheduling.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A course booked over HTTP in a clinic of its own (Mon/Wed/Fri 10:00 for 4 weeks), with the calls tests make on it. */
public record BookedCourse(TestClinic clinic, UUID id, List<String> sessionIds, List<String> starts) {

    public static BookedCourse book(LocalDate startDate) {
        TestClinic clinic = TestClinic.fresh();
        return book(clinic, Bookings.threeAWeek(clinic.addPractitioner("Dr. Lifecycle"), clinic.addRoom("Room L"),
                startDate));
    }

    /** Another patient's course in the same clinic, practitioner and room, at another local time. */
    public BookedCourse another(LocalDate startDate, String localTime) {
        JsonPath mine = view();
        Map<String, Object> body = Bookings.threeAWeek(UUID.fromString(mine.getString("practitionerId")),
                UUID.fromString(mine.getString("roomId")), startDate);
        body.put("localTime", localTime);
        return book(clinic, body);
    }

    private static BookedCourse book(TestClinic clinic, Map<String, Object> body) {
        JsonPath booked = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath();
        return new BookedCourse(clinic, UUID.fromString(booked.getString("id")),
                booked.getList("sessions.id", String.class), booked.getList("sessions.start", String.class));
    }

    public String session(int number) {
        return sessionIds.get(number - 1);
    }

    public JsonPath view() {
        return given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    public RequestSpecification as(String... roles) {
        return given().auth().oauth2(clinic.token(roles)).contentType(ContentType.JSON);
    }

    public Response sessionChange(int number, String change, Object body) {
        return as("booking", "clinician").body(body).post("/api/v1/sessions/{id}/" + change, session(number));
    }

    public Response courseChange(String change, Object body) {
        return as("clinician").body(body).post("/api/v1/courses/{id}/" + change, id);
    }

    /** Places the clinic's "now" one minute after the start of session {@code number}. */
    public void travelPastStartOf(int number) {
        Instant start = OffsetDateTime.parse(starts.get(number - 1)).toInstant();
        Arc.container().instance(TestClock.class).get().travelTo(start.plusSeconds(60));
    }
}
