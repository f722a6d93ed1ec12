package health.courses.system;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Books a course the way a clinic does (issue 3's rules): practitioner and room, the patient registered and evaluated
 * with an indication, then the course, starting next Monday so the evaluation of today is fresh. Thread-safe; every
 * answer other than 201 is an exception naming the step.
 */
final class ClinicApi {

    /** A booking the service confirmed with 201: its course, patient and sessions in order. */
    record Booked(String courseId, String patientId, List<String> sessionIds) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The clinic's zone (a clinic appears in Europe/Berlin on first use): evaluations are dated in it. */
    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Berlin");

    private final Supplier<String> baseUrl;
    private final String token;

    /** @param token carries the roles booking and clinician (a clinician records the evaluation) */
    ClinicApi(Supplier<String> baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A fresh practitioner and room per course, so courses never compete for a slot. */
    Booked bookCourse() throws IOException, InterruptedException {
        return bookCourse(registerEvaluatedPatient("chronic-prostatitis"));
    }

    Booked bookCourse(String patientId) throws IOException, InterruptedException {
        String practitioner = id(post("/api/v1/practitioners", "{\"name\":\"Practitioner\"}"));
        String room = id(post("/api/v1/rooms", "{\"name\":\"Room\"}"));
        LocalDate monday = LocalDate.now(CLINIC_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String body = """
                {"patientId":"%s","practitionerId":"%s","roomId":"%s","startDate":"%s",\
                "sessionsPerWeek":3,"weeks":4,"localTime":"10:00"}""".formatted(patientId, practitioner, room, monday);
        JsonPath course = JsonPath.from(post("/api/v1/courses", body));
        return new Booked(course.getString("id"), patientId, course.getList("sessions.id", String.class));
    }

    /** Registered in scheduling (no names or contacts there) and evaluated today with the given finding codes. */
    String registerEvaluatedPatient(String finding) throws IOException, InterruptedException {
        String patient = id(post("/api/v1/patients", """
                {"externalReference":"PAT-%s","zone":"Europe/Berlin","language":"en"}""".formatted(UUID.randomUUID())));
        post("/api/v1/patients/" + patient + "/evaluations", """
                {"date":"%s","clinician":"Dr. System","findings":["%s"]}""".formatted(LocalDate.now(CLINIC_ZONE),
                finding));
        return patient;
    }

    private static String id(String json) {
        return JsonPath.from(json).getString("id");
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
