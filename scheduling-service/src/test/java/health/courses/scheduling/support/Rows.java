package health.courses.scheduling.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads the scheduling schema directly, to prove what was (or was not) written. */
@ApplicationScoped
public class Rows {

    private final AgroalDataSource dataSource;

    Rows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long courses(UUID clinicId) {
        return count("SELECT count(*) FROM scheduling.course WHERE clinic_id = ?", clinicId);
    }

    public long sessions(UUID clinicId) {
        return count("SELECT count(*) FROM scheduling.session WHERE clinic_id = ?", clinicId);
    }

    /** The clinic's course events in the outbox (its patients' patient.registered.v1 rows are not counted). */
    public long outboxRows(UUID clinicId) {
        return count("SELECT count(*) FROM scheduling.outbox_event WHERE clinic_id = ? AND aggregate_type = 'course'",
                clinicId);
    }

    /** The clinic's patient.registered.v1 rows in the outbox. */
    public long patientRegistrations(UUID clinicId) {
        return count("SELECT count(*) FROM scheduling.outbox_event WHERE clinic_id = ? AND type = 'patient.registered.v1'",
                clinicId);
    }

    /** The outbox rows about one aggregate (a course, or a patient for patient.registered.v1). */
    public long outboxRowsOf(UUID aggregateId) {
        return count("SELECT count(*) FROM scheduling.outbox_event WHERE aggregate_id = ?", aggregateId);
    }

    public long pendingOutboxRows(UUID clinicId) {
        return count("SELECT count(*) FROM scheduling.outbox_event WHERE clinic_id = ? AND status = 'pending'", clinicId);
    }

    /** Moves a booked session, as a reschedule would: the test needs a collision on one chosen occurrence only. */
    public void moveSession(UUID sessionId, java.time.OffsetDateTime start, java.time.OffsetDateTime end) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE scheduling.session SET starts_at = ?, ends_at = ? WHERE id = ?")) {
            statement.setObject(1, start);
            statement.setObject(2, end);
            statement.setObject(3, sessionId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the check-in consumer recorded for an event (inbox_event.outcome); null while it has not seen it. */
    public String inboxOutcome(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT outcome FROM scheduling.inbox_event WHERE id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sql} is a count with one parameter. */
    public long count(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
