package health.courses.notification.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Request ids, the body size limit, page size caps and the roles in the OpenAPI document. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RequestLimitsTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSafeRequestIdIsEchoedAndAnyOtherReplacedOnEveryResponse() {
        Clinics clinic = Clinics.fresh();
        given().auth().oauth2(clinic.token("clinician")).header("X-Request-Id", "abc.DEF_123-x")
                .get("/api/v1/notification-settings").then().statusCode(200).header("X-Request-Id", "abc.DEF_123-x");
        // Forged log lines and oversized ids are not taken over.
        given().header("X-Request-Id", "evil\" requestId=forged").get("/api/v1/notification-settings")
                .then().statusCode(401).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "x".repeat(65)).get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().get("/check-in/no-such-token").then().statusCode(404).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        Clinics clinic = Clinics.fresh();
        String note = "a".repeat(70 * 1024);
        given().auth().oauth2(clinic.token("booking")).contentType(ContentType.JSON)
                .body(Map.of("email", "big@example.org", "zone", note))
                .put("/api/v1/patients/{patientId}/contact", UUID.randomUUID())
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://courses.health/problems/request-entity-too-large"))
                .header("X-Request-Id", not(equalTo("")));
    }

    @Test
    void everyListRefusesAPageOver100NamingTheField() {
        Clinics clinic = Clinics.fresh();
        for (String path : List.of("/api/v1/patients/" + UUID.randomUUID() + "/notifications",
                "/api/v1/courses/" + UUID.randomUUID() + "/check-ins", "/api/v1/ops/dead-letters", "/api/v1/notification-audit")) {
            String role = path.contains("/ops/") ? "operator" : "clinician";
            given().auth().oauth2(clinic.token(role)).queryParam("limit", 101).get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
            // the limit is accepted; an id no event of scheduling-service named is then not found (issue 19)
            given().auth().oauth2(clinic.token(role)).queryParam("limit", 100).get(path)
                    .then().statusCode(path.contains("/ops/") || path.contains("audit") ? 200 : 404);
        }
    }

    @Test
    void theOpenApiDocumentNamesTheRolesOfEachOperation() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(openApi.getList("paths.'/api/v1/patients/{patientId}/contact'.put.security[0].bearer"),
                containsInAnyOrder("booking", "clinician"));
        assertThat(openApi.getList("paths.'/api/v1/notification-audit'.get.security[0].bearer"),
                containsInAnyOrder("clinician", "operator"));
        assertThat(openApi.getList("paths.'/api/v1/ops/dead-letters/{id}/replay'.post.security[0].bearer"),
                containsInAnyOrder("operator"));
        assertThat(openApi.getString("components.securitySchemes.bearer.scheme"), equalTo("bearer"));
        // The token-keyed check-in needs no bearer token, and says so (security: [], not an absent requirement).
        assertThat(openApi.getList("paths.'/api/v1/check-ins/{token}'.post.security"), org.hamcrest.Matchers.empty());
    }
}
