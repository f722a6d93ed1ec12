package health.courses.scheduling.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class IdempotencyKeyTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 22);

    @Inject
    Rows rows;

    @Test
    void theSameKeyAndBodyReturnTheSameCourseAndAnotherBodyIsRefused() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"), clinic.addRoom("Room 1"), START);
        String key = UUID.randomUUID().toString();

        Response first = book(clinic, key, body);
        Response second = book(clinic, key, body);

        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, second.statusCode(), second.asString());
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(first.jsonPath().getList("sessions.id"), second.jsonPath().getList("sessions.id"));
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals(1, rows.courses(clinic.id()));
        assertEquals(13, rows.outboxRows(clinic.id()));

        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("localTime", "11:00");
        Response reused = book(clinic, key, other);
        assertEquals(422, reused.statusCode(), reused.asString());
        assertEquals("https://courses.health/problems/idempotency-key-reuse", reused.jsonPath().getString("type"));
        assertEquals(1, rows.courses(clinic.id()));

        // Keys belong to a clinic: another clinic's identical key is a new request there.
        TestClinic elsewhere = TestClinic.fresh();
        Response theirs = book(elsewhere, key, Bookings.threeAWeek(elsewhere.addPractitioner("Dr. Roth"),
                elsewhere.addRoom("Room 9"), START));
        assertEquals(201, theirs.statusCode(), theirs.asString());
    }

    @Test
    void concurrentRequestsWithOneKeyBookOnceAndAllGetThatCourse() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = Bookings.threeAWeek(clinic.addPractitioner("Dr. Weber"), clinic.addRoom("Room 1"), START);
        String key = UUID.randomUUID().toString();
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> book(clinic, key, body));
            }
            for (Future<Response> answer : requests.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            requests.shutdownNow();
        }

        assertThat(answers.stream().map(Response::statusCode).toList(), everyItem(is(201)));
        assertEquals(1, answers.stream().map(answer -> answer.jsonPath().getString("id")).distinct().count());
        assertEquals(1, rows.courses(clinic.id()));
    }

    @Test
    void patientsAreCreatedOnceUnderOneKey() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = Map.of("externalReference", "PAT-IDEM", "zone", "Europe/Berlin", "language", "de");
        String key = "patient-" + UUID.randomUUID();
        String first = given().auth().oauth2(clinic.bookingToken()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String second = given().auth().oauth2(clinic.bookingToken()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().jsonPath().getString("id");
        assertEquals(first, second);
    }

    private static Response book(TestClinic clinic, String key, Object body) {
        return given().auth().oauth2(clinic.bookingToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/courses");
    }
}
