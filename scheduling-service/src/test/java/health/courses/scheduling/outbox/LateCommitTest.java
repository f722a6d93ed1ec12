package health.courses.scheduling.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.localstack.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A row that takes its place in the order early but commits late must still be published: the relay claims by
 * status, not by a cursor over publish_order.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class LateCommitTest {

    private static final String INSERT = """
            INSERT INTO scheduling.outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject, occurred_at, payload)
            VALUES (?, ?, 'course', ?, 'test.late-commit.v1', ?, now(), '{}'::jsonb)""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRowCommittedAfterLaterRowsWerePublishedIsPublishedToo() throws SQLException {
        UUID clinic = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insert(slow, early, clinic, UUID.randomUUID());
            insert(fast, late, clinic, UUID.randomUUID());

            await().atMost(Duration.ofMinutes(1)).until(() -> "published".equals(status(fast, late)));
            assertEquals(null, status(fast, early), "not visible before its commit");

            slow.commit();
            await().atMost(Duration.ofMinutes(1)).until(() -> "published".equals(status(fast, early)));
        }
    }

    private static void insert(Connection connection, UUID id, UUID clinic, UUID course) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setObject(2, clinic);
            statement.setObject(3, course);
            statement.setString(4, course.toString());
            statement.executeUpdate();
        }
    }

    /** Reads on the test's own connection: the JDBC pool is sized for Flyway, not for extra readers. */
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
