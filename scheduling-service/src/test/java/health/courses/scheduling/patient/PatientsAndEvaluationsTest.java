package health.courses.scheduling.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PatientsAndEvaluationsTest {

    @Inject
    TestClock clock;

    @Test
    void registersAPatientAndReadsItBack() {
        TestClinic clinic = TestClinic.fresh();
        Response created = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-42", "zone", "America/New_York", "language", "en"))
                .post("/api/v1/patients");

        assertEquals(201, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location"), containsString("/api/v1/patients/" + id));
        JsonPath read = given().auth().oauth2(clinic.token("clinician")).get("/api/v1/patients/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("PAT-42", read.getString("externalReference"));
        assertEquals("America/New_York", read.getString("zone"));
        assertEquals("en", read.getString("language"));

        Response again = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-42", "zone", "Europe/Berlin", "language", "de"))
                .post("/api/v1/patients");
        assertEquals(409, again.statusCode(), again.asString());
        assertEquals("https://courses.health/problems/external-reference-taken", again.jsonPath().getString("type"));
        assertEquals(id, again.jsonPath().getString("existingPatientId"));
    }

    @Test
    void refusesAnInvalidZoneOrLanguageNamingTheField() {
        TestClinic clinic = TestClinic.fresh();
        Response bad = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-1", "zone", "Mars/Olympus", "language", "en"))
                .post("/api/v1/patients");
        assertEquals(400, bad.statusCode(), bad.asString());
        assertThat(bad.jsonPath().getList("errors.field"), contains("zone"));

        Response language = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-1", "zone", "Europe/Berlin", "language", "english!"))
                .post("/api/v1/patients");
        assertEquals(400, language.statusCode(), language.asString());
        assertThat(language.jsonPath().getList("errors.field"), contains("language"));
    }

    @Test
    void recordsEvaluationsAndListsThemNewestFirstAPageAtATime() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(LocalDate.of(2027, 3, 20));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, LocalDate.of(2027, 3, 1), "congestion");
        clinic.evaluate(patient, LocalDate.of(2027, 3, 15), "chronic-prostatitis", "oedema");

        JsonPath first = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 1)
                .get("/api/v1/patients/{id}/evaluations", patient).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.date"), contains("2027-03-15"));
        assertThat(first.getList("items[0].findings"), contains("chronic-prostatitis", "oedema"));
        JsonPath second = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/patients/{id}/evaluations", patient).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.date"), contains("2027-03-01"));
        assertNull(second.getString("nextCursor"));
    }

    @Test
    void anUnknownFindingIsABadRequestNamingTheFieldAndTheAllowedCodes() {
        TestClinic clinic = TestClinic.fresh();
        UUID patient = clinic.addPatient();

        Response bad = given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-01-05", "clinician", "Dr. Weber", "findings", List.of("congestion", "flu")))
                .post("/api/v1/patients/{id}/evaluations", patient);

        assertEquals(400, bad.statusCode(), bad.asString());
        assertThat(bad.jsonPath().getList("errors.field"), contains("findings[1]"));
        assertThat(bad.jsonPath().getString("errors[0].message"), containsString(
                "chronic-prostatitis, acute-prostatitis, extensive-calcification, congestion, oedema"));
    }

    @Test
    void anEvaluationDatedInTheFutureIsRefused() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(LocalDate.of(2027, 3, 20));
        UUID patient = clinic.addPatient();

        Response bad = given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-03-21", "clinician", "Dr. Weber", "findings", List.of("congestion")))
                .post("/api/v1/patients/{id}/evaluations", patient);

        assertEquals(400, bad.statusCode(), bad.asString());
        assertThat(bad.jsonPath().getList("errors.field"), contains("date"));
    }

    @Test
    void onlyCliniciansRecordEvaluations() {
        TestClinic clinic = TestClinic.fresh();
        UUID patient = clinic.addPatient();
        assertEquals(403, given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-01-05", "clinician", "Dr. Weber", "findings", List.of()))
                .post("/api/v1/patients/{id}/evaluations", patient).statusCode());
    }
}
