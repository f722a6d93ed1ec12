package health.courses.notification.booking;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Template data of a {@code course-booked} notification, as stored in its payload. Instants only: they are put
 * into the patient's zone when the message is written, with the zone on file at that moment.
 */
public record CourseBooked(int sessionCount, Integer sessionsPerWeek, Integer weeks, OffsetDateTime firstSessionStart,
        OffsetDateTime lastSessionEnd, String clinicZone, List<CourseScheduled.BookedSession> sessions) {

    /** Payloads stored before the sessions were carried have none: their mail goes without a calendar part. */
    public CourseBooked {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public static final String KIND = "course-booked";
}
