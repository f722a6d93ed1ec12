package health.courses.scheduling.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Topics;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay's lease (issue 15): a course belongs to the relay that claimed it until the lease runs out; a dead
 * relay's course is taken over from its head, in order; a failed send leaves that row and every later row of its
 * course pending for the next claim. Rows are written straight into the outbox, as a booking would.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RelayLeaseTest {

    private static final String TOPIC = "treatment-course-events";
    private static final String INSERT = """
            INSERT INTO scheduling.outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject, occurred_at,
                                                 payload, status, claimed_until, claimed_by)
            VALUES (?, ?, 'course', ?, 'test.relay-lease.v1', ?, now(), cast(? AS jsonb), ?,
                    now() + make_interval(secs => ?), ?)""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeadRelaysExpiredLeaseIsTakenOverFromTheHeadInOrderWhileALiveLeaseIsLeftAlone() throws SQLException {
        UUID clinic = UUID.randomUUID();
        UUID takenOver = UUID.randomUUID();
        UUID leased = UUID.randomUUID();
        List<UUID> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // One commit, the held course first: every claim that finds the taken-over course also finds it.
            connection.setAutoCommit(false);
            // A live relay holds this course for an hour: nobody else may publish it.
            UUID held = UUID.randomUUID();
            insert(connection, held, clinic, leased, "{}", "pending", 3600, "live-relay");
            // The dead relay published the first two rows, then died holding the rest under a lease that ran out.
            for (int i = 0; i < 6; i++) {
                UUID id = UUID.randomUUID();
                rows.add(id);
                insert(connection, id, clinic, takenOver, "{}", i < 2 ? "published" : "pending", -60, "dead-relay");
            }
            connection.commit();
            connection.setAutoCommit(true);

            List<ConsumerRecord<String, String>> published = Topics.read(TOPIC,
                    record -> takenOver.toString().equals(record.key()), 4, Duration.ZERO);

            assertEquals(rows.subList(2, 6).stream().map(UUID::toString).toList(),
                    published.stream().map(record -> Topics.header(record, "ce_id")).toList(),
                    "the rows the dead relay left, from its head, in publish order");
            await().atMost(Duration.ofMinutes(1)).until(() -> "published".equals(status(connection, rows.get(5))));
            assertEquals("pending", status(connection, held), "a course under a live lease is not published");
            delete(connection, clinic);
        }
    }

    @Test
    void aFailedSendLeavesItAndEveryLaterRowOfItsCoursePendingForTheNextClaim() throws SQLException {
        UUID clinic = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, first, clinic, course, "{}", "pending", -1, null);
            // Larger than the producer's max.request.size (1 MiB): the broker never gets it, the send fails.
            insert(connection, tooLarge, clinic, course, "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}", "pending", -1,
                    null);
            insert(connection, after, clinic, course, "{}", "pending", -1, null);

            await().atMost(Duration.ofMinutes(1)).until(() -> attempts(connection, tooLarge) >= 1);

            assertEquals("published", status(connection, first), "the acknowledged row before the failure");
            assertEquals("pending", status(connection, tooLarge));
            assertNotNull(lastError(connection, tooLarge));
            assertEquals("pending", status(connection, after), "nothing after a failed row is marked published");
            delete(connection, clinic);
        }
    }

    private static void insert(Connection connection, UUID id, UUID clinic, UUID course, String payload, String status,
            int leaseSeconds, String relay) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setObject(2, clinic);
            statement.setObject(3, course);
            statement.setString(4, course.toString());
            statement.setString(5, payload);
            statement.setString(6, status);
            statement.setInt(7, leaseSeconds);
            statement.setString(8, relay);
            statement.executeUpdate();
        }
    }

    /** The test's rows go, so no pending row of it holds readiness (oldest unpublished age) for later tests. */
    private static void delete(Connection connection, UUID clinic) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM scheduling.outbox_event WHERE clinic_id = ?")) {
            statement.setObject(1, clinic);
            statement.executeUpdate();
        }
    }

    private static String status(Connection connection, UUID id) throws SQLException {
        return column(connection, "status", id);
    }

    private static String lastError(Connection connection, UUID id) throws SQLException {
        return column(connection, "last_error", id);
    }

    private static int attempts(Connection connection, UUID id) throws SQLException {
        return Integer.parseInt(column(connection, "attempts::text", id));
    }

    private static String column(Connection connection, String expression, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + expression + " FROM scheduling.outbox_event WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
