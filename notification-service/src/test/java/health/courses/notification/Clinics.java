package health.courses.notification;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** A fresh clinic per test: its own settings and patients, so tests never see each other's data. */
public record Clinics(UUID id) {

    public static Clinics fresh() {
        return new Clinics(UUID.randomUUID());
    }

    public String token(String role) {
        return TestStack.token(id.toString(), role);
    }

    /** Reminder offsets as given, and no quiet hours, so a test's outcome does not depend on the time of day. */
    public void settings(String clinicName, String... offsets) {
        given().auth().oauth2(token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("clinicName", clinicName, "reminderOffsets", List.of(offsets),
                        "quietHours", Map.of("from", "00:00", "to", "00:00")))
                .put("/api/v1/notification-settings")
                .then().statusCode(200);
    }

    public void contact(UUID patient, Map<String, Object> details) {
        given().auth().oauth2(token("booking")).contentType(ContentType.JSON).body(details)
                .put("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(201);
    }
}
