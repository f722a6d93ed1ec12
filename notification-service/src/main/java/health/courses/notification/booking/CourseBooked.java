package health.courses.notification.booking;

import java.time.OffsetDateTime;

/**
 * Template data of a {@code course-booked} notification, as stored in its payload. Instants only: they are put
 * into the patient's zone when the message is written, with the zone on file at that moment.
 */
public record CourseBooked(int sessionCount, Integer sessionsPerWeek, Integer weeks, OffsetDateTime firstSessionStart,
        OffsetDateTime lastSessionEnd, String clinicZone) {

    public static final String KIND = "course-booked";
}
