package health.courses.scheduling.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OperationsEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(health, containsString("\"status\": \"UP\""));
        assertThat(health, containsString("Database connections health check"));
        assertThat(health, containsString("SmallRye Reactive Messaging"));
    }

    @Test
    void servesOpenApiMetricsAndSwaggerUi() {
        String openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(openApi, containsString("/api/v1/courses"));
        assertThat(openApi, containsString("slot-taken"));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                containsString("http_server_requests"));
        assertEquals(200, given().get("/q/swagger-ui/").statusCode());
    }
}
