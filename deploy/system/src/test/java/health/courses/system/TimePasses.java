package health.courses.system;

import health.courses.localstack.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * Time passes for one session: a test books it ahead (a first session before now is refused, issue 17), then moves
 * it here, in scheduling-service's database, to have started 11 minutes ago and ended a minute ago, as if the test
 * had waited for it. Everything after (completing it, session.completed.v1 with its start and end, the check-in
 * due after that end) then runs through the services as it would on the day.
 */
final class TimePasses {

    private TimePasses() {
    }

    static void sessionEndedAMinuteAgo(String jdbcUrl, String sessionId, ZoneId zone) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
                PreparedStatement moved = db.prepareStatement("""
                        UPDATE scheduling.session
                           SET starts_at = now() - interval '11 minutes', ends_at = now() - interval '1 minute',
                               local_date = ((now() - interval '11 minutes') AT TIME ZONE ?)::date,
                               local_time = ((now() - interval '11 minutes') AT TIME ZONE ?)::time
                         WHERE id = ?::uuid AND status = 'scheduled'""")) {
            moved.setString(1, zone.getId());
            moved.setString(2, zone.getId());
            moved.setString(3, sessionId);
            if (moved.executeUpdate() != 1) {
                throw new IllegalStateException("no scheduled session " + sessionId + " to move into the past");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
