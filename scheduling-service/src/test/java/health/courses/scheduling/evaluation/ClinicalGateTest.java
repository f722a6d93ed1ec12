package health.courses.scheduling.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.Rows;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ClinicalGateTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 22);

    @Inject
    Rows rows;

    @Inject
    TestClock clock;

    @Test
    void withoutAnEvaluationTheCourseIsRefused() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();

        JsonPath problem = refused(clinic, patient, "evaluation-required");
        assertThat(problem.getString("detail"), containsString("/api/v1/patients/" + patient + "/evaluations"));
    }

    @Test
    void anEvaluationOlderThanThirtyDaysAtTheStartIsRefusedNamingItsDateAndTheLimit() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, START.minusDays(31), "chronic-prostatitis");

        JsonPath problem = refused(clinic, patient, "evaluation-expired");
        assertEquals("2027-02-19", problem.getString("evaluationDate"));
        assertEquals(30, problem.getInt("maxAgeDays"));
        assertThat(problem.getString("detail"), containsString("2027-02-19"));
    }

    @Test
    void anEvaluationExactlyThirtyDaysOldStillCounts() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, START.minusDays(30), "congestion");

        Response booked = book(clinic, patient);
        assertEquals(201, booked.statusCode(), booked.asString());
    }

    @Test
    void acuteProstatitisIsContraindicated() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, START.minusDays(5), "congestion", "acute-prostatitis");

        JsonPath problem = refused(clinic, patient, "contraindicated");
        assertThat(problem.getList("findings"), contains("acute-prostatitis"));
        assertThat(problem.getString("detail"), containsString("acute-prostatitis"));
    }

    @Test
    void extensiveCalcificationIsContraindicated() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, START.minusDays(5), "chronic-prostatitis", "extensive-calcification");

        JsonPath problem = refused(clinic, patient, "contraindicated");
        assertThat(problem.getList("findings"), contains("extensive-calcification"));
    }

    @Test
    void theNewestEvaluationDecides() {
        TestClinic clinic = TestClinic.fresh();
        clock.travelTo(START.minusDays(3));
        UUID patient = clinic.addPatient();
        clinic.evaluate(patient, START.minusDays(20), "acute-prostatitis");
        clinic.evaluate(patient, START.minusDays(4), "chronic-prostatitis");

        Response booked = book(clinic, patient);
        assertEquals(201, booked.statusCode(), booked.asString());
    }

    @Test
    void aPatientOfAnotherClinicIsAnUnknownReference() {
        TestClinic clinic = TestClinic.fresh();
        UUID foreignPatient = TestClinic.fresh().patientReadyFor(START);

        Response refused = book(clinic, foreignPatient);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("https://courses.health/problems/unknown-reference", refused.jsonPath().getString("type"));
        assertThat(refused.jsonPath().getList("errors.field"), contains("patientId"));
    }

    private JsonPath refused(TestClinic clinic, UUID patient, String cause) {
        Response refused = book(clinic, patient);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("https://courses.health/problems/" + cause, refused.jsonPath().getString("type"));
        assertEquals(0, rows.courses(clinic.id()));
        assertEquals(0, rows.outboxRows(clinic.id()));
        return refused.jsonPath();
    }

    private static Response book(TestClinic clinic, UUID patient) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(patient, clinic.addPractitioner("Dr. Weber"), clinic.addRoom("Room 1"), START))
                .post("/api/v1/courses");
    }
}
