package health.courses.scheduling.course;

import health.courses.scheduling.session.Session;
import java.time.Instant;
import java.util.UUID;

/** A time another session already holds a practitioner and a room. */
public record Occupied(UUID practitionerId, UUID roomId, Instant start, Instant end) {

    public static Occupied of(Session session) {
        return new Occupied(session.practitionerId, session.roomId, session.startsAt, session.endsAt);
    }

    boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && end.isAfter(otherStart);
    }
}
