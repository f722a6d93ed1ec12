package health.courses.notification.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The check-in after one session. Written by the guarded statements of {@link CheckInRepository}. */
@Entity
@Table(name = "check_in")
public class CheckIn {

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    public static final String UNANSWERED = "unanswered";

    @Id
    private UUID id;
    @Column(name = "clinic_id")
    private UUID clinicId;
    @Column(name = "course_id")
    private UUID courseId;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "session_ended_at")
    private OffsetDateTime sessionEndedAt;
    @Column(name = "due_at")
    private OffsetDateTime dueAt;
    @Column(name = "follow_up_at")
    private OffsetDateTime followUpAt;
    @Column(name = "unanswered_at")
    private OffsetDateTime unansweredAt;
    private byte[] nonce;
    /** SHA-256 of the link's token: looked up by, never shown. */
    @Column(name = "token_hash")
    private byte[] tokenHash;
    private String status;
    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected CheckIn() {
    }

    public UUID id() {
        return id;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID courseId() {
        return courseId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID patientId() {
        return patientId;
    }

    public OffsetDateTime sessionEndedAt() {
        return sessionEndedAt;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public OffsetDateTime followUpAt() {
        return followUpAt;
    }

    public OffsetDateTime unansweredAt() {
        return unansweredAt;
    }

    byte[] nonce() {
        return nonce.clone();
    }

    public String status() {
        return status;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    /** When it was recorded unanswered. */
    public OffsetDateTime closedAt() {
        return closedAt;
    }
}
