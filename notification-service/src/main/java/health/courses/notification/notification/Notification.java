package health.courses.notification.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One message to one patient over one channel. Rows change state only through the guarded statements in
 * {@link NotificationRepository}, which is what keeps two dispatchers from both sending it.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id;
    @Column(name = "clinic_id")
    private UUID clinicId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "course_id")
    private UUID courseId;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "session_version")
    private Long sessionVersion;
    private String kind;
    private String channel;
    @Column(name = "due_at")
    private OffsetDateTime dueAt;
    private NotificationStatus status;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    /** The template data as JSON text; the reactive driver hands jsonb back as a parsed object otherwise. */
    @Column(insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(payload as text)")
    private String payload;
    @Column(name = "planned_at")
    private OffsetDateTime plannedAt;
    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;
    @Column(name = "failed_at")
    private OffsetDateTime failedAt;
    @Column(name = "skipped_at")
    private OffsetDateTime skippedAt;
    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;
    /** W3C trace context of the planning consumer span; null when it was not traced. */
    @Column(insertable = false, updatable = false)
    private String traceparent;

    protected Notification() {
    }

    /** A row as the dispatcher's claim statement returns it (see {@link Claims}), not managed by Hibernate. */
    Notification(UUID id, UUID clinicId, UUID patientId, UUID courseId, UUID sessionId, Long sessionVersion, String kind,
            String channel, OffsetDateTime dueAt, OffsetDateTime nextAttemptAt, int attempts, String lastError,
            String idempotencyKey, String payload, OffsetDateTime plannedAt, OffsetDateTime claimedAt,
            String traceparent) {
        this.id = id;
        this.clinicId = clinicId;
        this.patientId = patientId;
        this.courseId = courseId;
        this.sessionId = sessionId;
        this.sessionVersion = sessionVersion;
        this.kind = kind;
        this.channel = channel;
        this.dueAt = dueAt;
        this.status = NotificationStatus.SENDING;
        this.nextAttemptAt = nextAttemptAt;
        this.attempts = attempts;
        this.lastError = lastError;
        this.idempotencyKey = idempotencyKey;
        this.payload = payload;
        this.plannedAt = plannedAt;
        this.claimedAt = claimedAt;
        this.traceparent = traceparent;
    }

    public UUID id() {
        return id;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID courseId() {
        return courseId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** The session version a reminder was planned from; null for messages that are not session reminders. */
    public Long sessionVersion() {
        return sessionVersion;
    }

    public String kind() {
        return kind;
    }

    public String channel() {
        return channel;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public NotificationStatus status() {
        return status;
    }

    /** Counts this attempt too: the claim increments it, so it doubles as the claim's fencing token. */
    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public String statusReason() {
        return statusReason;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String traceparent() {
        return traceparent;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime plannedAt() {
        return plannedAt;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
