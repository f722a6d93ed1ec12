package health.courses.notification.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ContactResourceTest {

    private static final String PATH = "/api/v1/patients/{patientId}/contact";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void storesAndReturnsAContact() {
        UUID patient = UUID.randomUUID();
        as(DemoClinics.A, "booking")
                .body("""
                        {"email":"anna@example.org","phone":"+4930123456","language":"de","zone":"Europe/Vienna"}""")
                .put(PATH, patient)
                .then().statusCode(201).header("ETag", "\"0\"");

        as(DemoClinics.A, "clinician").get(PATH, patient)
                .then().statusCode(200)
                .body("patientId", equalTo(patient.toString()))
                .body("email", equalTo("anna@example.org"))
                .body("phone", equalTo("+4930123456"))
                .body("language", equalTo("de"))
                .body("zone", equalTo("Europe/Vienna"))
                .body("version", equalTo(0));
    }

    @Test
    void replacingTakesDefaultsForWhatIsLeftOutAndMovesTheVersion() {
        UUID patient = UUID.randomUUID();
        as(DemoClinics.A, "booking").body("""
                {"email":"ben@example.org","language":"de","zone":"Asia/Tokyo"}""").put(PATH, patient)
                .then().statusCode(201);

        as(DemoClinics.A, "booking").header("If-Match", "\"0\"").body("""
                {"email":"ben.new@example.org"}""").put(PATH, patient)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("email", equalTo("ben.new@example.org"))
                .body("language", equalTo("en"))
                .body("zone", equalTo("Europe/Berlin"))
                .body("version", equalTo(1));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        UUID patient = UUID.randomUUID();
        as(DemoClinics.A, "booking").body("{\"email\":\"cleo@example.org\"}").put(PATH, patient).then().statusCode(201);
        as(DemoClinics.A, "booking").body("{\"email\":\"cleo@example.org\"}").put(PATH, patient).then().statusCode(200);

        as(DemoClinics.A, "booking").header("If-Match", "\"0\"").body("{\"email\":\"cleo.old@example.org\"}")
                .put(PATH, patient)
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://courses.health/problems/version-mismatch"));
    }

    @Test
    void invalidDetailsAreNamedFieldByField() {
        as(DemoClinics.A, "booking")
                .body("""
                        {"email":"not-an-address","phone":"030 123456","language":"fr","zone":"Mars/Olympus"}""")
                .put(PATH, UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://courses.health/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("email", "phone", "language", "zone"))
                .body("errors.rule", hasItem("iana-zone"));
    }

    @Test
    void aMissingEmailIsNamed() {
        as(DemoClinics.A, "booking").body("{\"zone\":\"Europe/Berlin\"}").put(PATH, UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("email"))
                .body("errors.rule", containsInAnyOrder("not-blank"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        as(DemoClinics.A, "booking").body("{\"email\": ").put(PATH, UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://courses.health/problems/validation"));
        as(DemoClinics.A, "booking").body("{\"email\": [\"a@example.org\"]}").put(PATH, UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("email"));
    }

    @Test
    void anotherClinicsPatientIsNotFound() {
        UUID patient = UUID.randomUUID();
        as(DemoClinics.A, "booking").body("{\"email\":\"dora@example.org\"}").put(PATH, patient).then().statusCode(201);

        as(DemoClinics.B, "booking", "clinician").get(PATH, patient)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://courses.health/problems/not-found"));
    }

    @Test
    void aPatientIdThatIsNotAnIdIsNotFound() {
        as(DemoClinics.A, "booking").get(PATH, "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body("{\"email\":\"eve@example.org\"}").put(PATH, UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not.a.token").get(PATH, UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void withoutABookingOrClinicianRoleTheAnswerIs403() {
        as(DemoClinics.A, "operator").body("{\"email\":\"fay@example.org\"}").put(PATH, UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://courses.health/problems/forbidden"));
    }

    private static RequestSpecification as(String clinicId, String... roles) {
        return given().auth().oauth2(TestStack.token(clinicId, roles)).contentType(ContentType.JSON);
    }
}
