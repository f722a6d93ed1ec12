package health.courses.scheduling.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.courses.scheduling.confirmation.Confirmation;
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
                example = "2027-04-02") LocalDate movedFrom,
        @Schema(description = CONFIRMATION, example = "confirmed") Confirmation confirmation,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = CONFIRMATION_CHANGED_AT, format = "date-time", example = "2027-03-28T19:42:05+02:00")
        String confirmationChangedAt) {

    /** Shared with the agenda entry: the same member means the same thing in both answers. */
    static final String CONFIRMATION = "The patient's answer to the reminders (a reply by SMS or a mail's link): "
            + "unconfirmed, confirmed, reschedule-requested (the clinic should call). A reschedule or cancellation resets it "
            + "to unconfirmed.";
    static final String CONFIRMATION_CHANGED_AT = "When the confirmation was last set (the patient's reply) or reset "
            + "(a reschedule or cancellation); absent while never";

    public static SessionView of(Session session, ZoneId zone) {
        return new SessionView(session.id, session.number, format(session.startsAt.atZone(zone)),
                format(session.endsAt.atZone(zone)), session.status, session.sequence, session.movedFrom,
                session.confirmation, confirmationChangedAt(session, zone));
    }

    static String confirmationChangedAt(Session session, ZoneId zone) {
        return session.confirmationChangedAt == null ? null : format(session.confirmationChangedAt.atZone(zone));
    }

    /** ISO-8601 with the offset in force at that instant in the clinic's zone, e.g. 2027-03-29T10:00:00+02:00. */
    public static String format(ZonedDateTime time) {
        return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
