package health.courses.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures the outbox's publish latency under a steady booking load: from the booking transaction writing its
 * outbox rows (occurred_at) to the relay marking them published right after the broker's ack (published_at, set
 * with clock_timestamp()). The figures go into scheduling-service/README.md; the bound asserted here only catches
 * a relay that stopped waking up promptly.
 */
@SystemTest
class PublishLatencyTest {

    private static final int BOOKINGS = 30;
    private static final String LATENCY = """
            SELECT count(*) AS events,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at)) AS p50,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at)) AS p99,
                   max(extract(epoch FROM published_at - occurred_at)) AS max
            FROM scheduling.outbox_event WHERE clinic_id = ? AND status = 'published'""";

    @Test
    @Timeout(120)
    void publishLatencyUnderASteadyLoad(SystemUnderTest system) throws SQLException {
        UUID clinic = UUID.randomUUID();
        String token = system.token(clinic.toString(), "booking", "clinician");
        BookingLoad load = BookingLoad.start(system::schedulingUrl, token, 1, Duration.ofMillis(100));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> load.booked().size() >= BOOKINGS);
        } finally {
            load.close();
        }
        int events = load.booked().stream().mapToInt(booked -> booked.sessionIds().size() + 1).sum();
        try (Connection db = DriverManager.getConnection(system.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> latency(db, clinic)[0] >= events);
            double[] latency = latency(db, clinic);
            System.out.printf("publish latency (outbox occurred_at -> published after broker ack) over %d events of %d "
                    + "bookings: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", (int) latency[0], load.booked().size(),
                    latency[1] * 1000, latency[2] * 1000, latency[3] * 1000);
            assertTrue(latency[2] < 5.0, "p99 publish latency " + latency[2] + " s");
        }
    }

    private static double[] latency(Connection db, UUID clinic) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(LATENCY)) {
            statement.setObject(1, clinic);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new double[] {result.getLong("events"), result.getDouble("p50"), result.getDouble("p99"),
                        result.getDouble("max")};
            }
        }
    }
}
