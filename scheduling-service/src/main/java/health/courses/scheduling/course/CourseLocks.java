package health.courses.scheduling.course;

import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.closure.Closures;
import health.courses.scheduling.problem.ResourceNotFound;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Locks a course for a change (PESSIMISTIC_WRITE on its row) and loads what the booking rules need around it. */
@ApplicationScoped
class CourseLocks {

    private final Clinics clinics;
    private final Closures closures;
    private final CourseRepository courses;
    private final SessionRepository sessions;

    CourseLocks(Clinics clinics, Closures closures, CourseRepository courses, SessionRepository sessions) {
        this.clinics = clinics;
        this.closures = closures;
        this.courses = courses;
        this.sessions = sessions;
    }

    /** Must run in the caller's transaction; another clinic's course answers 404 as a missing one does. */
    Uni<LockedCourse> lock(UUID clinicId, UUID courseId) {
        return courses.find("clinicId = ?1 and id = ?2", clinicId, courseId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new ResourceNotFound("course", courseId))
                .flatMap(course -> clinics.current(clinicId)
                        .flatMap(clinic -> sessions.listOfCourse(clinicId, courseId)
                                .map(found -> new LockedCourse(clinic, course, found))));
    }

    /**
     * Locks the course of a session. The session is read only after the lock, so a change that committed while
     * this one waited is seen.
     */
    Uni<LockedCourse> lockOfSession(UUID clinicId, UUID sessionId) {
        return sessions.courseOf(clinicId, sessionId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("session", sessionId))
                .flatMap(courseId -> lock(clinicId, courseId));
    }

    /**
     * The booking rules for placing sessions of this course between two clinic-local days. Sessions in
     * {@code moving} are about to move, so their current slots do not count as taken.
     */
    Uni<BookingRules> rules(LockedCourse locked, LocalDate from, LocalDate to, Set<UUID> moving, LocalDate earliest) {
        Course course = locked.course();
        var zone = locked.zone();
        return closures.between(course.clinicId, from, to)
                .flatMap(closed -> sessions.occupying(course.clinicId, course.practitionerId, course.roomId,
                                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
                        .map(occupying -> new BookingRules(zone, clinics.openingHours(locked.clinic()), closed,
                                Duration.ofHours(locked.clinic().minGapHours),
                                occupying.stream().filter(session -> !moving.contains(session.id))
                                        .map(Occupied::of).toList(),
                                course.practitionerId, course.roomId, course.sessionMinutes, earliest)));
    }

    Uni<Void> flush() {
        return courses.flush();
    }

    /**
     * A resume moves several sessions at once, and one may take a slot another still holds until its own update:
     * the exclusion constraints are checked at commit for this transaction only.
     */
    Uni<Void> deferSlotChecks() {
        return sessions.getSession().flatMap(session -> session
                        .createNativeQuery("SET CONSTRAINTS session_practitioner_free, session_room_free DEFERRED")
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> persist(Session session) {
        return sessions.persist(session).replaceWithVoid();
    }

    Uni<Void> persist(List<Session> added) {
        return sessions.persist(added);
    }
}
