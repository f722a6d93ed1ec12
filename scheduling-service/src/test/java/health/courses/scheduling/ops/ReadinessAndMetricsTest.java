package health.courses.scheduling.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import health.courses.localstack.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readiness follows the outbox's oldest unpublished event; the operators' metrics of this service are published. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ReadinessAndMetricsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventStuckLongerThanTheThresholdMakesTheServiceNotReadyUntilItIsGone() throws SQLException {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxCheck().equals("UP"));
        UUID stuck = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            // written ten minutes ago (threshold: 5 min) and backed off for a day, so the relay leaves it pending
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO scheduling.outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject,
                                                         occurred_at, payload, status, next_attempt_at)
                    VALUES (?, ?, 'course', ?, 'test.stuck.v1', 'x', now() - interval '10 minutes', '{}'::jsonb,
                            'pending', now() + interval '1 day')""")) {
                insert.setObject(1, stuck);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.executeUpdate();
            }
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> outboxCheck().equals("DOWN"));
                given().get("/q/health/live").then().statusCode(200);
            } finally {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM scheduling.outbox_event WHERE id = ?")) {
                    delete.setObject(1, stuck);
                    delete.executeUpdate();
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxCheck().equals("UP"));
    }

    @Test
    void theOperatorsMetricsArePublished() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] { "outbox_backlog", "outbox_oldest_age_seconds",
                "courses_dead_letter_records{topic=\"patient-checkin-events.dlq\"}",
                "kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_record_error_total" }) {
            assertThat(name, metrics, containsString(name));
        }
    }

    private static String outboxCheck() {
        String body = given().get("/q/health/ready").then().extract().asString();
        return JsonPath.from(body).getString("checks.find { it.name == 'outbox' }.status");
    }
}
