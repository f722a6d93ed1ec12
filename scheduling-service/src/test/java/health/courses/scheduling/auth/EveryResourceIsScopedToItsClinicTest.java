package health.courses.scheduling.auth;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EveryResourceIsScopedToItsClinicTest {

    @Test
    void anotherClinicsTokenGets404OnEveryResource() {
        TestClinic owner = TestClinic.fresh();
        UUID practitioner = owner.addPractitioner("Dr. Weber");
        UUID room = owner.addRoom("Room 1");
        Map<String, Object> booking = Bookings.threeAWeek(practitioner, room, LocalDate.of(2027, 5, 3));
        String patient = (String) booking.get("patientId");
        io.restassured.path.json.JsonPath booked = given().auth().oauth2(owner.bookingToken()).contentType(ContentType.JSON)
                .body(booking).post("/api/v1/courses").then().statusCode(201).extract().jsonPath();
        String course = booked.getString("id");
        String session = booked.getString("sessions[0].id");
        String closure = given().auth().oauth2(owner.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-12-24")).post("/api/v1/closures")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String stranger = TestClinic.fresh().token("booking", "clinician", "operator");

        notFound(given().auth().oauth2(stranger).get("/api/v1/patients/" + patient));
        notFound(given().auth().oauth2(stranger).get("/api/v1/patients/" + patient + "/evaluations"));
        notFound(given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-01-05", "clinician", "Dr. X", "findings", List.of("congestion")))
                .post("/api/v1/patients/" + patient + "/evaluations"));
        notFound(given().auth().oauth2(stranger).get("/api/v1/courses/" + course));
        notFound(given().auth().oauth2(stranger).get("/api/v1/practitioners/" + practitioner));
        notFound(given().auth().oauth2(stranger).get("/api/v1/rooms/" + room));
        notFound(given().auth().oauth2(stranger).delete("/api/v1/closures/" + closure));
        notFound(given().auth().oauth2(stranger).get("/api/v1/courses/" + course + "/calendar.ics"));
        notFound(given().auth().oauth2(stranger).get("/api/v1/sessions/" + session));
        assertEquals(List.of(), given().auth().oauth2(stranger).queryParam("from", "2027-05-01").queryParam("to", "2027-06-01")
                .get("/api/v1/reports/attendance").then().statusCode(200).extract().jsonPath().getList("courses"),
                "the attendance report counts only the caller's clinic's sessions");
        Map<String, Map<String, Object>> courseChanges = Map.of("hold", Map.of(), "resume", Map.of("from", "2027-06-01"),
                "extend", Map.of("weeks", 1, "reason", "slow-response"), "cancel", Map.of("reason", "patient-request"));
        courseChanges.forEach((change, body) -> notFound(given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(body).post("/api/v1/courses/" + course + "/" + change)));
        Map<String, Map<String, Object>> sessionChanges = Map.of("reschedule", Map.of("start", "2027-05-03T11:00"),
                "cancel", Map.of("by", "clinic", "reason", "staff-ill"), "missed", Map.of(),
                "complete", Map.of("intensity", 2));
        sessionChanges.forEach((change, body) -> notFound(given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(body).post("/api/v1/sessions/" + session + "/" + change)));
        assertEquals(List.of(), given().auth().oauth2(stranger).queryParam("from", "2027-05-01").queryParam("to", "2027-06-01")
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath().getList("items"),
                "the agenda lists only the caller's clinic's sessions");
        assertEquals("scheduled", given().auth().oauth2(owner.bookingToken()).get("/api/v1/courses/" + course)
                .then().statusCode(200).extract().jsonPath().getString("status"), "no stranger's change took effect");

        assertEquals(200, given().auth().oauth2(owner.bookingToken()).get("/api/v1/patients/" + patient).statusCode());
        assertEquals(204, given().auth().oauth2(owner.bookingToken()).delete("/api/v1/closures/" + closure).statusCode());
    }

    private static void notFound(Response response) {
        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("https://courses.health/problems/not-found", response.jsonPath().getString("type"));
    }
}
