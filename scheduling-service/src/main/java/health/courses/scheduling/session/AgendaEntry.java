package health.courses.scheduling.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.courses.scheduling.confirmation.Confirmation;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgendaEntry", description = "One session in the agenda; times carry the clinic zone's offset")
public record AgendaEntry(
        UUID id,
        UUID courseId,
        @Schema(example = "3") int number,
        @Schema(example = "2027-03-29T10:00:00+02:00") String start,
        @Schema(example = "2027-03-29T10:30:00+02:00") String end,
        @Schema(example = "scheduled") SessionStatus status,
        @Schema(description = "iCalendar SEQUENCE; raised by every change a calendar must see (reschedule, cancellation, hold, missed)", example = "0") int sequence,
        UUID practitionerId,
        UUID roomId,
        @Schema(description = SessionView.CONFIRMATION, example = "unconfirmed") Confirmation confirmation,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = SessionView.CONFIRMATION_CHANGED_AT, format = "date-time", example = "2027-03-28T19:42:05+02:00")
        String confirmationChangedAt) {

    static AgendaEntry of(Session session, ZoneId zone) {
        return new AgendaEntry(session.id, session.courseId, session.number, SessionView.format(session.startsAt.atZone(zone)),
                SessionView.format(session.endsAt.atZone(zone)), session.status, session.sequence,
                session.practitionerId, session.roomId, session.confirmation,
                SessionView.confirmationChangedAt(session, zone));
    }
}
