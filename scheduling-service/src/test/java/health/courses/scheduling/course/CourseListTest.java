package health.courses.scheduling.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseListTest {

    @Test
    void listsCoursesNewestFirstByPatientAndStatusAPageAtATime() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String first = book(clinic, Bookings.threeAWeek(practitioner, room, LocalDate.of(2027, 3, 22)));
        Map<String, Object> laterBody = Bookings.threeAWeek(practitioner, room, LocalDate.of(2027, 5, 3));
        String later = book(clinic, laterBody);

        JsonPath page = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 1)
                .get("/api/v1/courses").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id"), contains(later));
        assertThat(page.getList("items[0].sessions"), hasSize(12));
        JsonPath next = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 1)
                .queryParam("cursor", page.getString("nextCursor")).get("/api/v1/courses").jsonPath();
        assertThat(next.getList("items.id"), contains(first));
        assertNull(next.getString("nextCursor"));

        assertThat(given().auth().oauth2(clinic.bookingToken()).queryParam("patientId", laterBody.get("patientId"))
                .queryParam("status", "scheduled").get("/api/v1/courses").jsonPath().getList("items.id"), contains(later));
        assertThat(given().auth().oauth2(clinic.bookingToken()).queryParam("status", "cancelled")
                .get("/api/v1/courses").jsonPath().getList("items"), hasSize(0));
        assertEquals(400, given().auth().oauth2(clinic.bookingToken()).queryParam("status", "lost")
                .get("/api/v1/courses").statusCode());
        assertEquals(400, given().auth().oauth2(clinic.bookingToken()).queryParam("limit", 500)
                .get("/api/v1/courses").statusCode());
        assertThat(given().auth().oauth2(TestClinic.fresh().bookingToken()).get("/api/v1/courses").jsonPath()
                .getList("items"), hasSize(0));
    }

    private static String book(TestClinic clinic, Map<String, Object> body) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath().getString("id");
    }
}
