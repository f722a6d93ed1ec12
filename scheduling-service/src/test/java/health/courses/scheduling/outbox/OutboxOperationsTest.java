package health.courses.scheduling.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators rely on: the outbox metrics, and published rows purged after the retention (and only those). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OutboxOperationsTest {

    private static final String INSERT = """
            INSERT INTO scheduling.outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject,
                                                 occurred_at, payload, status, published_at, next_attempt_at)
            VALUES (?, ?, 'course', ?, 'test.purge.v1', 'x', now(), '{}'::jsonb, ?, now() - ?::interval,
                    now() + interval '1 day')""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Test
    void publishedRowsOlderThanTheRetentionArePurgedOthersStay() throws SQLException {
        UUID clinic = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        long retentionDays = config.retention().toDays();
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, old, clinic, "published", (retentionDays + 1) + " days");
            insert(connection, recent, clinic, "published", (retentionDays - 1) + " days");
            // pending with a backoff far in the future, so the relay leaves it alone during the test
            insert(connection, pending, clinic, "pending", "0 seconds");

            relay.purge().await().atMost(Duration.ofSeconds(30));

            assertEquals(null, status(connection, old));
            assertEquals("published", status(connection, recent));
            assertEquals("pending", status(connection, pending));
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scheduling.outbox_event WHERE clinic_id = ?")) {
                delete.setObject(1, clinic);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void metricsShowTheBacklogItsAgeAndPublishedEventsByType() {
        TestClinic clinic = TestClinic.fresh();
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(clinic.addPractitioner("Dr. M"), clinic.addRoom("Room M"),
                        LocalDate.of(2027, 9, 6)))
                .post("/api/v1/courses").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> value(metrics(),
                "outbox_events_published_total\\{[^}]*type=\"session.scheduled.v1\"[^}]*}") >= 12);
        String metrics = metrics();
        assertTrue(value(metrics, "outbox_events_published_total\\{[^}]*type=\"course.scheduled.v1\"[^}]*}") >= 1);
        assertTrue(value(metrics, "outbox_backlog(\\{[^}]*})?") >= 0);
        assertTrue(value(metrics, "outbox_oldest_age_seconds(\\{[^}]*})?") >= 0);
        assertTrue(value(metrics, "outbox_publish_lag_seconds_count(\\{[^}]*})?") >= 13);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, or -1 when the metric is not exposed. */
    private static double value(String metrics, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (?<value>\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group("value")) : -1;
    }

    private static void insert(Connection connection, UUID id, UUID clinic, String status, String age)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setObject(2, clinic);
            statement.setObject(3, UUID.randomUUID());
            statement.setString(4, status);
            statement.setString(5, age);
            statement.executeUpdate();
        }
    }

    private static String status(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status FROM scheduling.outbox_event WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
