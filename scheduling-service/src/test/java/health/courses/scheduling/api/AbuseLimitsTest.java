package health.courses.scheduling.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Body size, page size and per-clinic rate limits, and the request id every answer carries. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AbuseLimitsTest {

    /** The one clinic %test gives a limit of 3 creations (application.properties). */
    private static final TestClinic LIMITED = new TestClinic(UUID.fromString("0a7e0000-0000-4000-8000-000000000429"));
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aBodyOver64KiBIs413ProblemDetails() {
        TestClinic clinic = TestClinic.fresh();
        Response refused = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(70_000))).post("/api/v1/rooms");
        assertEquals(413, refused.statusCode(), refused.asString());
        assertThat(refused.contentType(), matchesPattern("application/problem\\+json.*"));
        assertThat(refused.jsonPath().getString("type"), endsWith("/request-entity-too-large"));
        assertEquals(413, refused.jsonPath().getInt("status"));
        assertThat(refused.header("X-Request-Id"), matchesPattern(UUID_PATTERN));
        // Just under the limit the same endpoint reads the body (and refuses the name by its own rule).
        assertEquals(400, given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(60_000))).post("/api/v1/rooms").statusCode());
    }

    @Test
    void everyListCapsItsPageAt100NamingTheParameter() {
        TestClinic clinic = TestClinic.fresh();
        UUID patient = clinic.addPatient();
        for (String list : List.of("/api/v1/courses", "/api/v1/practitioners", "/api/v1/rooms", "/api/v1/closures",
                "/api/v1/patients/" + patient + "/evaluations", "/api/v1/sessions?from=2027-05-03&to=2027-05-10",
                "/api/v1/audit")) {
            String separator = list.contains("?") ? "&" : "?";
            Response over = given().auth().oauth2(clinic.token("booking", "clinician")).get(list + separator + "limit=101");
            assertEquals(400, over.statusCode(), list + ": " + over.asString());
            assertEquals(List.of("limit"), over.jsonPath().getList("errors.field"), list);
            assertEquals(200, given().auth().oauth2(clinic.token("booking", "clinician")).get(list + separator + "limit=100")
                    .statusCode(), list);
        }
    }

    @Test
    void aClinicOverItsCreationLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, addRoom(LIMITED, "Room " + i).statusCode());
        }
        Response limited = addRoom(LIMITED, "Room 4");
        assertEquals(429, limited.statusCode(), limited.asString());
        assertThat(limited.contentType(), matchesPattern("application/problem\\+json.*"));
        assertThat(limited.jsonPath().getString("type"), endsWith("/rate-limited"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "whole seconds until a token is back: " + retryAfter);
        // The bucket is shared by every creating POST of the clinic, and reads are not limited.
        assertEquals(429, given().auth().oauth2(LIMITED.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "PAT-429", "zone", "Europe/Berlin", "language", "de"))
                .post("/api/v1/patients").statusCode());
        assertEquals(200, given().auth().oauth2(LIMITED.bookingToken()).get("/api/v1/rooms").statusCode());
        assertEquals(201, addRoom(TestClinic.fresh(), "Room 4").statusCode());
    }

    @Test
    void everyAnswerCarriesTheRequestIdAndTheLogHasItInTheMdc() {
        assertEquals("desk-7.retry_2", given().header("X-Request-Id", "desk-7.retry_2").get("/q/health/live")
                .header("X-Request-Id"));
        Response unauthorised = given().header("X-Request-Id", "x".repeat(65)).get("/api/v1/clinic");
        assertEquals(401, unauthorised.statusCode());
        assertThat("too long: replaced", unauthorised.header("X-Request-Id"), matchesPattern(UUID_PATTERN));
        assertThat("not a plain token: replaced", given().header("X-Request-Id", "a b;c").get("/q/health/live")
                .header("X-Request-Id"), matchesPattern(UUID_PATTERN));

        Logger audit = Logger.getLogger("health.courses.scheduling.audit");
        List<String> requestIds = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLevel().intValue() <= Level.FINE.intValue()) {
                    requestIds.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY)));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = audit.getLevel();
        audit.setLevel(Level.FINE);
        audit.addHandler(capture);
        try {
            Response created = given().auth().oauth2(TestClinic.fresh().bookingToken()).header("X-Request-Id", "mdc-check-1")
                    .contentType(ContentType.JSON).body(Map.of("name", "Room M")).post("/api/v1/rooms");
            assertEquals(201, created.statusCode());
            assertEquals("mdc-check-1", created.header("X-Request-Id"));
        } finally {
            audit.removeHandler(capture);
            audit.setLevel(level);
        }
        assertEquals(List.of("mdc-check-1"), requestIds, "the audit line, written on a database callback, has the id");
    }

    private static Response addRoom(TestClinic clinic, String name) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/rooms");
    }

    /** Inputs that reached the database or date arithmetic unchecked (500s before issue 8) are the client's errors now. */
    @Test
    void nulCharactersImpossibleDatesAndForgedCursorsAre400sNamingTheField() {
        TestClinic clinic = TestClinic.fresh();
        Response nul = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body("{\"externalReference\": \"PAT\\u0000-1\", \"zone\": \"Europe/Berlin\", \"language\": \"de\"}")
                .post("/api/v1/patients");
        assertEquals(400, nul.statusCode(), nul.asString());
        assertEquals(List.of("externalReference"), nul.jsonPath().getList("errors.field"));

        UUID patient = clinic.addPatient();
        Response farPast = given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("date", "-999999999-01-01", "clinician", "Dr. Weber", "findings", List.of()))
                .post("/api/v1/patients/{id}/evaluations", patient);
        assertEquals(400, farPast.statusCode(), farPast.asString());
        assertEquals(List.of("date"), farPast.jsonPath().getList("errors.field"));

        Response farFuture = given().auth().oauth2(clinic.bookingToken())
                .get("/api/v1/sessions?from=%2B999999999-01-01T00:00Z&to=%2B999999999-01-02T00:00Z");
        assertEquals(400, farFuture.statusCode(), farFuture.asString());

        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("yesterday\u001fnot-an-id".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Response cursor = given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses?cursor=" + forged);
        assertEquals(400, cursor.statusCode(), cursor.asString());
        assertEquals(List.of("cursor"), cursor.jsonPath().getList("errors.field"));

        Response duplicate = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body("{\"name\": \"Room A\", \"name\": \"Room B\"}").post("/api/v1/rooms");
        assertEquals(400, duplicate.statusCode(), duplicate.asString());
    }
}
