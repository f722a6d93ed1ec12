package health.courses.notification.session;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import health.courses.notification.contact.IanaZone;
import health.courses.notification.events.EventData;

/**
 * The data of the session events ({@code session.scheduled.v1} and its siblings) as far as this service reads
 * it; unknown fields are ignored so scheduling-service can grow the schema.
 *
 * @param zone the clinic's zone the session was booked in
 * @param sequence the iCalendar SEQUENCE: how often the session's time changed
 * @param version the session's version; only a higher one changes what we know
 */
public record SessionEvent(
        @NotNull UUID clinicId,
        @NotNull UUID courseId,
        @NotNull UUID sessionId,
        @NotNull UUID patientId,
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @NotBlank @IanaZone String zone,
        @NotNull @PositiveOrZero Integer sequence,
        @NotBlank String status,
        @NotNull @PositiveOrZero Long version,
        OffsetDateTime previousStart) implements EventData.Checked, EventData.Owners {

    public static final String SCHEDULED = "session.scheduled.v1";
    public static final String RESCHEDULED = "session.rescheduled.v1";
    public static final String CANCELLED = "session.cancelled.v1";
    public static final String MISSED = "session.missed.v1";
    public static final String COMPLETED = "session.completed.v1";
    public static final Set<String> TYPES = Set.of(SCHEDULED, RESCHEDULED, CANCELLED, MISSED, COMPLETED);

    /** The constraints above, in the order of the fields: a consumed backlog checks thousands of these a second. */
    @Override
    public boolean plainlyValid() {
        return clinicId != null && courseId != null && sessionId != null && patientId != null && start != null
                && end != null && IanaZone.Validator.known(zone) && sequence != null && sequence >= 0
                && status != null && !status.trim().isEmpty() && version != null && version >= 0;
    }
}
