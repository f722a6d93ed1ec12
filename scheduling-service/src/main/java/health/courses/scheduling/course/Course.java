package health.courses.scheduling.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A prescribed series of sessions for one patient. Every change of a course bumps its version in the same
 * transaction as its outbox rows, which also serialises a course's changes and so keeps its events in order.
 */
@Entity
@Table(name = "course")
public class Course {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public CourseStatus status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "sessions_per_week", nullable = false)
    public int sessionsPerWeek;

    @Column(nullable = false)
    public int weeks;

    /** Comma-separated DayOfWeek names, e.g. MONDAY,WEDNESDAY,FRIDAY. */
    @Column(nullable = false)
    public String weekdays;

    @Column(name = "local_time", nullable = false)
    public LocalTime localTime;

    @Column(name = "session_minutes", nullable = false)
    public int sessionMinutes;

    /** The clinic's zone when booked: a later change of the clinic's zone must not move booked sessions. */
    @Column(nullable = false)
    public String zone;

    /** RFC 5545 RRULE the sessions were generated from. */
    @Column(nullable = false)
    public String recurrence;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    /** Why the course was last held, resumed, cancelled or completed, as a code; never free clinical text. */
    @Column(name = "status_reason")
    public String statusReason;

    /** The reason code of the latest extension. */
    @Column(name = "extension_reason")
    public String extensionReason;

    @Version
    public int version;

    /** Set by {@link #touch()} on every change: a session change is a course change. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<DayOfWeek> weekdayList() {
        return Arrays.stream(weekdays.split(",")).map(DayOfWeek::valueOf).toList();
    }

    public static String weekdaysColumn(List<DayOfWeek> days) {
        return days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /**
     * Marks the row changed: real time (not the clinic's clock, which tests hold still), so the value always differs
     * and Hibernate sees the change and bumps {@link #version} even when only other rows of the change moved.
     */
    public void touch() {
        updatedAt = Instant.now();
    }
}
