package health.courses.scheduling.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published document is what integrators build against: every path of the booking API, with examples. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    @Test
    void documentsEveryBookingPathAndAnExampleOfEachProblemType() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        Map<String, Object> paths = openApi.getMap("paths");
        assertThat(paths.keySet(), hasItems("/api/v1/clinic", "/api/v1/practitioners", "/api/v1/practitioners/{id}",
                "/api/v1/rooms", "/api/v1/rooms/{id}", "/api/v1/closures", "/api/v1/closures/{id}",
                "/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/patients/{patientId}/evaluations",
                "/api/v1/availability", "/api/v1/courses", "/api/v1/courses/{id}", "/api/v1/courses/{id}/hold",
                "/api/v1/courses/{id}/resume", "/api/v1/courses/{id}/extend", "/api/v1/courses/{id}/cancel",
                "/api/v1/courses/{id}/calendar.ics", "/api/v1/sessions", "/api/v1/sessions/{id}/reschedule",
                "/api/v1/sessions/{id}/cancel", "/api/v1/sessions/{id}/missed", "/api/v1/sessions/{id}/complete",
                "/api/v1/sessions/{id}", "/api/v1/reports/attendance"));
        assertThat(openApi.getMap("paths.'/api/v1/courses/{id}/resume'.post.responses.'409'.content.'application/problem+json'.examples")
                .keySet(), hasItems("illegal-transition"));
        assertThat(openApi.getMap("paths.'/api/v1/sessions/{id}/complete'.post.responses.'409'.content.'application/problem+json'.examples")
                .keySet(), hasItems("session-not-started"));
        assertThat(openApi.getMap("paths.'/api/v1/courses/{id}/calendar.ics'.get.responses.'200'.content").keySet(),
                hasItems("text/calendar"));
        assertThat(openApi.get("paths.'/api/v1/clinic'.put"), notNullValue());
        Map<String, Object> refusals = openApi.getMap(
                "paths.'/api/v1/courses'.post.responses.'422'.content.'application/problem+json'.examples");
        assertThat(refusals.keySet(), hasItems("course-not-schedulable", "evaluation-required", "evaluation-expired",
                "contraindicated", "unknown-reference", "sessions-too-close", "start-date-in-past",
                "idempotency-key-reuse"));
        assertThat(openApi.getMap("paths.'/api/v1/courses'.post.responses.'409'.content.'application/problem+json'.examples")
                .keySet(), hasItems("slot-taken"));
        assertThat(openApi.getList("paths.'/api/v1/courses'.post.parameters.name"), hasItems("Idempotency-Key"));
        assertThat(openApi.getList("tags.name"), hasItems("Clinic", "Closures", "Patients", "Availability", "Courses", "Sessions"));
        assertThat(openApi.getMap("components.schemas").keySet(), hasItems("UnschedulableSession", "OpeningDay",
                "Finding", "Availability", "AgendaList", "RescheduleSession", "CancelSession", "CompleteSession",
                "ResumeCourse", "ExtendCourse", "CancelCourse"));
    }

    /** Integrators (and the notification side's tests) read each operation's roles from the document. */
    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationDeclaresTheBearerSchemeWithItsRoles() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("bearer", openApi.getString("components.securitySchemes.bearer.scheme"));

        List<String> undeclared = new ArrayList<>();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/") && operation instanceof Map<?, ?> described) {
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) described.get("security");
                if (security == null || security.isEmpty() || security.get(0).getOrDefault("bearer", List.of()).isEmpty()) {
                    undeclared.add(method + " " + path);
                }
            }
        }));
        assertEquals(List.of(), undeclared);
        assertEquals(List.of("booking"), openApi.getList("paths.'/api/v1/courses'.post.security[0].bearer"));
        assertEquals(List.of("clinician", "operator"), openApi.getList("paths.'/api/v1/audit'.get.security[0].bearer"));
        assertThat(openApi.getMap("paths.'/api/v1/courses'.post.responses").keySet(), hasItems("429"));
    }
}
