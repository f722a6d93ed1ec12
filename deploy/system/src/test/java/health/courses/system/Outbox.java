package health.courses.system;

import static org.awaitility.Awaitility.await;

import health.courses.localstack.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Reads scheduling-service's outbox table, to see its backlog as the relay sees it. */
final class Outbox implements AutoCloseable {

    private final Connection db;

    Outbox(String jdbcUrl) {
        try {
            db = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl, e);
        }
    }

    long pending() {
        try (PreparedStatement statement = db.prepareStatement(
                        "SELECT count(*) FROM scheduling.outbox_event WHERE status = 'pending'");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 100 ms until no row is pending; fails after the timeout. */
    void awaitEmpty(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .alias("outbox has no pending row").until(() -> pending() == 0);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing a read-only connection; nothing to recover
        }
    }
}
