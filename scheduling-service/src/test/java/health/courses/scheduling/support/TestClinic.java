package health.courses.scheduling.support;

import static io.restassured.RestAssured.given;

import health.courses.localstack.DevTokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** A fresh clinic per test, so tests never see each other's bookings, plus its tokens and resources. */
public record TestClinic(UUID id) {

    /** Which clinic added a room or practitioner: lets a booking body find the clinic to register its patient in. */
    private static final Map<UUID, TestClinic> OWNERS = new ConcurrentHashMap<>();

    public static TestClinic fresh() {
        return new TestClinic(UUID.randomUUID());
    }

    static TestClinic owning(UUID roomOrPractitioner) {
        return OWNERS.get(roomOrPractitioner);
    }

    public String token(String... roles) {
        return DevTokens.mint(ConfigProvider.getConfig().getValue("local-stack.jwt.private-key", String.class),
                id.toString(), "front-desk@" + id, Set.of(roles));
    }

    public String bookingToken() {
        return token("booking");
    }

    public UUID addPractitioner(String name) {
        return owned(add("/api/v1/practitioners", Map.of("name", name)));
    }

    public UUID addRoom(String name) {
        return owned(add("/api/v1/rooms", Map.of("name", name)));
    }

    public UUID addPatient() {
        return add("/api/v1/patients", Map.of("externalReference", "PAT-" + UUID.randomUUID(),
                "zone", "Europe/Berlin", "language", "de"));
    }

    /** Records an evaluation as a clinician; {@code findings} are codes such as chronic-prostatitis. */
    public void evaluate(UUID patientId, LocalDate date, String... findings) {
        given().auth().oauth2(token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "clinician", "Dr. Weber", "findings", List.of(findings)))
                .post("/api/v1/patients/{id}/evaluations", patientId)
                .then().statusCode(201);
    }

    /**
     * A patient evaluated a week before {@code startDate} with an indication, with the clinic's clock set to that
     * day: the course may start on {@code startDate} (in the future, evaluation 7 days old).
     */
    public UUID patientReadyFor(LocalDate startDate) {
        Arc.container().instance(TestClock.class).get().travelTo(startDate.minusDays(7));
        UUID patient = addPatient();
        evaluate(patient, startDate.minusDays(7), "chronic-prostatitis");
        return patient;
    }

    private UUID owned(UUID id) {
        OWNERS.put(id, this);
        return id;
    }

    private UUID add(String path, Object body) {
        String id = given().auth().oauth2(bookingToken()).contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }
}
