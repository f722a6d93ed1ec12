package health.courses.scheduling.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One session of a course; times carry the clinic zone's offset")
public record SessionView(
        UUID id,
        @Schema(example = "1") int number,
        @Schema(example = "2027-03-29T10:00:00+02:00") String start,
        @Schema(example = "2027-03-29T10:30:00+02:00") String end,
        @Schema(example = "scheduled") SessionStatus status,
        @Schema(description = "iCalendar SEQUENCE; raised by every change a calendar must see (reschedule, cancellation, hold, missed)", example = "0") int sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present when a closure moved the session off its pattern day: the day it replaces",
                example = "2027-04-02") LocalDate movedFrom) {

    public static SessionView of(Session session, ZoneId zone) {
        return new SessionView(session.id, session.number, format(session.startsAt.atZone(zone)),
                format(session.endsAt.atZone(zone)), session.status, session.sequence, session.movedFrom);
    }

    /** ISO-8601 with the offset in force at that instant in the clinic's zone, e.g. 2027-03-29T10:00:00+02:00. */
    public static String format(ZonedDateTime time) {
        return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
