package health.courses.notification.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A session as the latest event told it. Written only by the guarded statements in {@link SessionStateRepository}
 * (an older version never overwrites a newer one); read when planning and again before each reminder is sent.
 */
@Entity
@Table(name = "session_state")
public class SessionState {

    public static final String SCHEDULED = "scheduled";

    @Id
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "clinic_id")
    private UUID clinicId;
    @Column(name = "course_id")
    private UUID courseId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    private String zone;
    private int sequence;
    private String status;
    private long version;
    private boolean held;
    @Column(name = "plan_generation")
    private int planGeneration;

    protected SessionState() {
    }

    /**
     * The row as an upsert of {@code event} left it, without reading it back: what the event wrote plus the two
     * columns the event does not carry. Times in UTC, as they come back from the database.
     */
    static SessionState written(SessionEvent event, String status, boolean held, int planGeneration) {
        SessionState state = new SessionState();
        state.sessionId = event.sessionId();
        state.clinicId = event.clinicId();
        state.courseId = event.courseId();
        state.patientId = event.patientId();
        state.startsAt = event.start().withOffsetSameInstant(java.time.ZoneOffset.UTC);
        state.endsAt = event.end().withOffsetSameInstant(java.time.ZoneOffset.UTC);
        state.zone = event.zone();
        state.sequence = event.sequence();
        state.status = status;
        state.version = event.version();
        state.held = held;
        state.planGeneration = planGeneration;
        return state;
    }

    /** The row as the dispatcher reads it straight from the database, without a Hibernate session. */
    public static SessionState read(Row row) {
        SessionState state = new SessionState();
        state.sessionId = row.getUUID("session_id");
        state.clinicId = row.getUUID("clinic_id");
        state.courseId = row.getUUID("course_id");
        state.patientId = row.getUUID("patient_id");
        state.startsAt = row.getOffsetDateTime("starts_at");
        state.endsAt = row.getOffsetDateTime("ends_at");
        state.zone = row.getString("zone");
        state.sequence = row.getInteger("sequence");
        state.status = row.getString("status");
        state.version = row.getLong("version");
        state.held = row.getBoolean("held");
        state.planGeneration = row.getInteger("plan_generation");
        return state;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID courseId() {
        return courseId;
    }

    public UUID patientId() {
        return patientId;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public String zone() {
        return zone;
    }

    public int sequence() {
        return sequence;
    }

    public String status() {
        return status;
    }

    public long version() {
        return version;
    }

    public boolean held() {
        return held;
    }

    public int planGeneration() {
        return planGeneration;
    }

    /** Whether a reminder planned from {@code plannedVersion} may still go out. */
    public boolean stillWants(long plannedVersion) {
        return SCHEDULED.equals(status) && !held && version == plannedVersion;
    }
}
