package health.courses.scheduling.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class TenancyAndAuthTest {

    @Test
    void anotherClinicsCourseIsNotFound() {
        TestClinic owner = TestClinic.fresh();
        String courseId = given().auth().oauth2(owner.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(owner.addPractitioner("Dr. Weber"), owner.addRoom("Room 1"),
                        LocalDate.of(2027, 5, 3)))
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath().getString("id");

        Response foreign = given().auth().oauth2(TestClinic.fresh().token("booking", "clinician", "operator"))
                .get("/api/v1/courses/" + courseId);

        assertProblem(foreign, 404, "not-found");
        assertEquals(200, given().auth().oauth2(owner.token("clinician")).get("/api/v1/courses/" + courseId)
                .statusCode());
    }

    @Test
    void anUnknownCourseIsNotFoundAndAMalformedIdIsABadRequest() {
        TestClinic clinic = TestClinic.fresh();
        assertProblem(given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/" + UUID.randomUUID()),
                404, "not-found");
        Response malformed = given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/not-a-uuid");
        assertProblem(malformed, 400, "validation");
        assertThat(malformed.jsonPath().getList("errors.field"), contains("id"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        Response response = given().contentType(ContentType.JSON).body("{}").post("/api/v1/courses");
        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate"), startsWith("Bearer"));
        assertProblem(given().get("/api/v1/clinic"), 401, "unauthorized");
    }

    @Test
    void aForgedTokenIs401() {
        String token = TestClinic.fresh().bookingToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertProblem(given().auth().oauth2(forged).get("/api/v1/clinic"), 401, "unauthorized");
    }

    @Test
    void withoutTheBookingRoleBookingIs403() {
        TestClinic clinic = TestClinic.fresh();
        Response response = given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2027, 5, 3)))
                .post("/api/v1/courses");
        assertProblem(response, 403, "forbidden");
        assertProblem(given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body("{\"name\": \"Room 9\"}").post("/api/v1/rooms"), 403, "forbidden");
    }

    @Test
    void aClinicIsProvisionedWithDefaultsOnFirstUse() {
        TestClinic clinic = TestClinic.fresh();
        var found = given().auth().oauth2(clinic.token("operator")).get("/api/v1/clinic").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(clinic.id().toString(), found.getString("id"));
        assertEquals("Europe/Berlin", found.getString("zone"));
        assertEquals(44, found.getInt("minGapHours"));
        assertEquals("Clinic", found.getString("name"));
    }

    @Test
    void practitionersAndRoomsAreListedPerClinic() {
        TestClinic clinic = TestClinic.fresh();
        clinic.addPractitioner("Dr. Weber");
        clinic.addRoom("Room 1");
        TestClinic.fresh().addPractitioner("Dr. Elsewhere");

        assertThat(given().auth().oauth2(clinic.token("clinician")).get("/api/v1/practitioners").jsonPath()
                .getList("items.name"), contains("Dr. Weber"));
        assertThat(given().auth().oauth2(clinic.token("clinician")).get("/api/v1/rooms").jsonPath()
                .getList("items.name"), contains("Room 1"));
    }

    private static void assertProblem(Response response, int status, String cause) {
        assertEquals(status, response.statusCode(), response.asString());
        assertThat(response.contentType(), startsWith("application/problem+json"));
        assertEquals("https://courses.health/problems/" + cause, response.jsonPath().getString("type"));
        assertEquals(status, response.jsonPath().getInt("status"));
    }
}
