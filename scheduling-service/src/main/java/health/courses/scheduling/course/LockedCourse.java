package health.courses.scheduling.course;

import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A course whose row this transaction has locked, with its clinic and every session (managed entities: changes to
 * them are flushed with the transaction). Every lifecycle change starts from one, so changes of one course queue.
 */
record LockedCourse(Clinic clinic, Course course, List<Session> sessions) {

    LockedCourse {
        sessions = new ArrayList<>(sessions);
    }

    ZoneId zone() {
        return ZoneId.of(course.zone);
    }

    Session session(UUID id) {
        return sessions.stream().filter(session -> session.id.equals(id)).findFirst().orElseThrow();
    }

    /** The latest session that is not cancelled and not among {@code excluded}: the one new sessions follow. */
    Optional<Session> lastKept(Set<UUID> excluded) {
        return sessions.stream()
                .filter(session -> session.status != SessionStatus.CANCELLED && !excluded.contains(session.id))
                .max(Comparator.comparing((Session session) -> session.startsAt));
    }

    int highestNumber() {
        return sessions.stream().mapToInt(session -> session.number).max().orElse(0);
    }

    void add(Session session) {
        sessions.add(session);
    }

    Courses.BookedCourse booked() {
        return new Courses.BookedCourse(course,
                sessions.stream().sorted(Comparator.comparingInt((Session session) -> session.number)).toList());
    }
}
