package health.courses.scheduling.session;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.confirmation.Confirmation;
import health.courses.scheduling.problem.Dates;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The clinic's sessions starting in a window, optionally of one practitioner or room: what the front desk and a
 * practitioner's day view read. Keyset-paged on (start, id), so a page costs the same deep into a busy year.
 */
@ApplicationScoped
public class Agenda {

    /** A window longer than this is almost always a mistake, and would page through a clinic's whole history. */
    static final Duration MAX_WINDOW = Duration.ofDays(92);

    private final Clinics clinics;
    private final SessionRepository sessions;

    Agenda(Clinics clinics, SessionRepository sessions) {
        this.clinics = clinics;
        this.sessions = sessions;
    }

    /**
     * What to list. {@code confirmation} and {@code status} narrow it when given: status scheduled with confirmation
     * unconfirmed for tomorrow is the front desk's call list (issue 18).
     */
    public record Window(String from, String to, UUID practitionerId, UUID roomId, Confirmation confirmation,
            SessionStatus status) {

        public Window(String from, String to, UUID practitionerId, UUID roomId) {
            this(from, to, practitionerId, roomId, null, null);
        }
    }

    @WithSession
    public Uni<AgendaList> list(UUID clinicId, Window window, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        return clinics.current(clinicId).flatMap(clinic -> {
            ZoneId zone = clinic.zoneId();
            Instant from = instant("from", window.from(), zone);
            Instant to = instant("to", window.to(), zone);
            List<FieldError> errors = new ArrayList<>();
            if (!to.isAfter(from)) {
                errors.add(new FieldError("to", "after-from", "must be after from"));
            } else if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
                errors.add(new FieldError("to", "range", "the window spans at most " + MAX_WINDOW.toDays() + " days"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return sessions.agenda(clinicId, from, to, window.practitionerId(), window.roomId(),
                            new SessionRepository.Narrowing(window.confirmation(), window.status()),
                            after == null ? null : after.instant(0),
                            after == null ? null : after.uuid(1), page.fetchSize())
                    .map(found -> {
                        Page<AgendaEntry> shown = Page.of(found, page, session -> AgendaEntry.of(session, zone),
                                last -> Cursor.encode(last.startsAt.toString(), last.id.toString()));
                        return new AgendaList(shown.items(), shown.nextCursor());
                    });
        });
    }

    /** One session as the agenda shows it (issue 18: with its confirmation); another clinic's id is a 404. */
    @WithSession
    public Uni<AgendaEntry> entry(UUID clinicId, UUID sessionId) {
        return sessions.find("clinicId = ?1 and id = ?2", clinicId, sessionId).firstResult()
                .onItem().ifNull().failWith(() -> new ResourceNotFound("session", sessionId))
                .flatMap(session -> clinics.current(clinicId).map(clinic -> AgendaEntry.of(session, clinic.zoneId())));
    }

    /** A date is the start of that day in the clinic's zone; a date-time needs its offset. */
    private static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "not-null", "must be a date such as 2027-05-03 or a date-time with an offset");
        }
        try {
            return Dates.require(field, value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "date-time", "must be a date such as 2027-05-03 or a date-time with an offset");
        }
    }
}
