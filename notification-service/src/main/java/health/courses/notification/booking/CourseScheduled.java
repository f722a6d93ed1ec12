package health.courses.notification.booking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import health.courses.notification.contact.IanaZone;

/**
 * The data of {@code course.scheduled.v1} as far as this service reads it (scheduling-service owns the schema;
 * unknown fields are ignored so it can grow).
 *
 * @param zone the clinic's time zone, in which sessions were booked
 */
public record CourseScheduled(
        @NotNull UUID clinicId,
        @NotNull UUID courseId,
        @NotNull UUID patientId,
        @NotBlank @IanaZone String zone,
        @NotNull @Positive Integer sessionCount,
        Integer sessionsPerWeek,
        Integer weeks,
        @NotNull OffsetDateTime firstSessionStart,
        OffsetDateTime lastSessionEnd,
        @Valid List<@NotNull BookedSession> sessions) {

    /** One session of the course as booked; absent from events written before scheduling-service sent them. */
    public record BookedSession(@NotNull UUID sessionId, int number, @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end, int sequence) {
    }

    public static final String TYPE = "course.scheduled.v1";
}
