package health.courses.scheduling.course;

import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.outbox.OutgoingEvent;
import health.courses.scheduling.session.SessionRepository;
import health.courses.scheduling.session.SessionStatus;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts a course on hold: the course and every future scheduled session become held (not cancelled, so their slots
 * stay taken), the course's version grows, and {@code course.held.v1} lists the held sessions so consumers withdraw
 * their reminders. Held sessions get no events of their own. Used by check-in escalations and by a clinician's hold.
 */
@ApplicationScoped
public class CourseHold {

    public static final String COURSE_HELD = "course.held.v1";

    /** The course.held.v1 data; exactly the contract's fields (see asyncapi/schemas/course.held.v1.json). */
    record CourseHeld(UUID clinicId, UUID courseId, UUID patientId, String status, int version, String reason,
            List<UUID> heldSessionIds) {
    }

    /** A hold that took effect. */
    public record Held(Course course, List<UUID> heldSessionIds) {
    }

    private final CourseRepository courses;
    private final SessionRepository sessions;
    private final Outbox outbox;
    // The clinic's clock, not the system's: "future" sessions are the ones after the clinic's now.
    private final ClinicClock clock;

    CourseHold(CourseRepository courses, SessionRepository sessions, Outbox outbox, ClinicClock clock) {
        this.courses = courses;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Must run inside the caller's transaction, which then also holds the outbox row. Empty when nothing changed:
     * no such course in the clinic, or it is already held, cancelled or completed (so a repeated hold is a no-op and
     * emits nothing).
     *
     * @param reason a machine-readable code, e.g. {@code checkin-escalated:urgent}; never free clinical text
     */
    public Uni<Optional<Held>> hold(UUID clinicId, UUID courseId, String reason) {
        // The row lock serialises concurrent changes of one course, so two holds cannot both see "scheduled".
        return courses.findById(courseId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(course -> {
                    if (course == null || !course.clinicId.equals(clinicId)
                            || !CourseChange.HOLD.allowedFrom(course.status)) {
                        return Uni.createFrom().item(Optional.<Held>empty());
                    }
                    return holdLocked(course, reason).map(Optional::of);
                });
    }

    /** Holds a course whose row the caller's transaction has locked and whose status allows a hold. */
    Uni<Held> holdLocked(Course course, String reason) {
        return holdSessions(course, reason)
                .call(held -> courses.flush())
                .flatMap(held -> outbox.append(List.of(event(course, held, reason)))
                        .map(ignored -> new Held(course, held)));
    }

    private Uni<List<UUID>> holdSessions(Course course, String reason) {
        Instant now = clock.now();
        course.status = CourseChange.HOLD.target(course.status);
        course.statusReason = reason;
        course.touch();
        return sessions.list("courseId = ?1 and status = ?2 and startsAt > ?3", Sort.by("number"), course.id,
                        SessionStatus.SCHEDULED, now)
                .map(future -> {
                    future.forEach(session -> {
                        session.status = SessionChange.HOLD.target();
                        // STATUS:TENTATIVE in the course's calendar: a change a calendar must see (RFC 5546).
                        session.sequence++;
                        session.touch();
                    });
                    return future.stream().map(session -> session.id).toList();
                });
    }

    /** Built after the flush, so {@code version} is the one the hold committed. */
    private static OutgoingEvent event(Course course, List<UUID> held, String reason) {
        return new OutgoingEvent(course.clinicId, CourseEvents.AGGREGATE, course.id, COURSE_HELD, course.id.toString(),
                new CourseHeld(course.clinicId, course.id, course.patientId, CourseStatus.HELD.word(), course.version,
                        reason, held));
    }
}
