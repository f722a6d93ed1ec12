package health.courses.scheduling.session;

import health.courses.scheduling.confirmation.Confirmation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One planned visit of a course. Both the instant and the clinic-local wall-clock time are stored: the instant
 * for overlaps and reminders, the local date and time because that is what was booked and must survive DST.
 */
@Entity
@Table(name = "session")
public class Session {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public int number;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "local_time", nullable = false)
    public LocalTime localTime;

    /** The pattern date this session replaces when a closure moved it; null on its pattern day (issue 3). */
    @Column(name = "moved_from")
    public LocalDate movedFrom;

    @Column(nullable = false)
    public SessionStatus status;

    /** iCalendar SEQUENCE: calendars replace an entry when it grows. */
    @Column(nullable = false)
    public int sequence;

    /** Why the last change was made, as a code (e.g. patient:illness); never free clinical text. */
    @Column(name = "status_reason")
    public String statusReason;

    /** clinic or patient, for a cancelled session. */
    @Column(name = "cancelled_by")
    public String cancelledBy;

    /** 1-5, recorded when the session is completed. */
    public Integer intensity;

    /** Clinical free text: kept here only, never in an event or a log line. */
    @Column(name = "tolerance_note")
    public String toleranceNote;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The cancelled or missed session this one makes up for. */
    @Column(name = "make_up_for")
    public UUID makeUpFor;

    /** The patient's answer to the reminders (issue 18); set by their replies, reset by a move or cancellation. */
    @Column(nullable = false)
    public Confirmation confirmation = Confirmation.UNCONFIRMED;

    /** When {@link #confirmation} was last set (the reply's receivedAt) or reset; null while never. */
    @Column(name = "confirmation_changed_at")
    public Instant confirmationChangedAt;

    /** Set by {@link #touch()} on every change. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /**
     * The session moved or was cancelled: the patient confirmed (or declined) a time that no longer holds. The time is
     * recorded even when it was unconfirmed, so a reply received before this change is recognised as stale.
     */
    public void resetConfirmation(Instant now) {
        confirmation = Confirmation.UNCONFIRMED;
        confirmationChangedAt = now;
    }

    /**
     * Marks the row changed: real time (not the clinic's clock, which tests hold still), so the value always differs
     * and Hibernate sees the change and bumps {@link #version} even when only other rows of the change moved.
     */
    public void touch() {
        updatedAt = Instant.now();
    }
}
