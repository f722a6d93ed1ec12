package health.courses.system;

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
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox still has " + pending() + " pending rows after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
