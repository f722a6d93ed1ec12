package health.courses.scheduling.course;

import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.course.LifecycleRequests.CancelCourse;
import health.courses.scheduling.course.LifecycleRequests.ExtendCourse;
import health.courses.scheduling.course.LifecycleRequests.HoldCourse;
import health.courses.scheduling.course.LifecycleRequests.ResumeCourse;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.outbox.OutgoingEvent;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.IfMatch;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Changes of a whole course: hold, resume, extend, cancel. Each locks the course row, changes only the sessions it
 * names (future ones; never a past session), and writes its events to the outbox in the same transaction: the
 * course's event first, then one event per session it changed.
 */
@ApplicationScoped
public class CourseChanges {

    /** Prescribed 4-8 weeks; a clinician may extend "a little longer", to 12 weeks in all. */
    static final int MAX_WEEKS = 12;
    static final String CLINICIAN_REQUEST = "clinician-request";
    static final String CLINICIAN_CLEARED = "clinician-cleared";
    static final String COURSE_CANCELLED = "course-cancelled";

    private final CourseLocks locks;
    private final CourseHold hold;
    private final Outbox outbox;
    private final ClinicClock clock;
    private final AuditTrail audit;

    CourseChanges(CourseLocks locks, CourseHold hold, Outbox outbox, ClinicClock clock, AuditTrail audit) {
        this.locks = locks;
        this.hold = hold;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
    }

    /** Every future scheduled session becomes held, keeping its slot; course.held.v1 lists them. */
    public Uni<Courses.BookedCourse> hold(UUID clinicId, UUID courseId, String ifMatch, HoldCourse request) {
        String reason = request == null ? CLINICIAN_REQUEST : ReasonCode.orDefault(request.reason(), CLINICIAN_REQUEST);
        return Panache.withTransaction(() -> locks.lock(clinicId, courseId).flatMap(locked -> {
            IfMatch.require(ifMatch, "course", locked.course().version);
            CourseChange.HOLD.require(locked.course());
            return hold.holdLocked(locked.course(), reason)
                    .call(held -> audit.record(CourseChange.HOLD.action(), "course", courseId))
                    .map(held -> locked.booked());
        }));
    }

    /**
     * The held sessions re-flow forward from {@code from}, in their order, onto the course's weekdays at its time,
     * under every booking rule (closures, opening hours, the minimum gap, free practitioner and room). Each keeps its
     * id; its SEQUENCE grows.
     */
    public Uni<Courses.BookedCourse> resume(UUID clinicId, UUID courseId, String ifMatch, ResumeCourse request) {
        String reason = ReasonCode.orDefault(request.reason(), CLINICIAN_CLEARED);
        return change(clinicId, courseId, ifMatch, CourseChange.RESUME, locked -> {
            Course course = locked.course();
            ZoneId zone = locked.zone();
            Instant now = clock.now();
            LocalDate today = LocalDate.ofInstant(now, zone);
            if (request.from().isBefore(today)) {
                throw new RuleViolation(Problem.of("resume-date-in-past", "Resume date in the past", 422,
                        "The course cannot resume on " + request.from() + ": today is " + today + " in " + zone)
                        .with("errors", List.of(new FieldError("from", "not-past", "must be today or later"))));
            }
            List<Session> held = locked.sessions().stream().filter(session -> session.status == SessionStatus.HELD)
                    .sorted(Comparator.comparingInt((Session session) -> session.number)).toList();
            Set<UUID> moving = held.stream().map(session -> session.id).collect(Collectors.toSet());
            PlannedSession previous = locked.lastKept(moving).map(session -> Placement.of(session, zone)).orElse(null);
            LocalDate from = request.from();
            return locks.rules(locked, from, from.plusWeeks(Placement.HORIZON_WEEKS), moving, from)
                    .map(rules -> Placement.forward(held.stream().map(session -> session.number).toList(), from,
                            course.weekdayList(), course.localTime, course.sessionMinutes, rules, previous))
                    .call(placed -> locks.deferSlotChecks())
                    .map(placed -> {
                        List<Instant[]> before = new ArrayList<>();
                        for (int i = 0; i < held.size(); i++) {
                            Session session = held.get(i);
                            PlannedSession to = placed.get(i);
                            before.add(new Instant[] { session.startsAt, session.endsAt });
                            session.startsAt = to.start().toInstant();
                            session.endsAt = to.end().toInstant();
                            session.localDate = to.localDate();
                            session.localTime = to.localTime();
                            session.movedFrom = null;
                            session.status = SessionChange.RESUME.target();
                            session.sequence++;
                            session.statusReason = reason;
                            // Re-flowed to a new time: a confirmation of the old one no longer holds.
                            session.resetConfirmation(now);
                            session.touch();
                        }
                        course.status = CourseChange.RESUME.target(course.status);
                        course.statusReason = reason;
                        course.touch();
                        return (PendingEvents) () -> {
                            List<OutgoingEvent> events = new ArrayList<>();
                            events.add(CourseEvents.courseChanged(CourseEvents.COURSE_RESUMED, course,
                                    locked.sessions(), reason));
                            for (int i = 0; i < held.size(); i++) {
                                events.add(CourseEvents.sessionChanged(CourseEvents.SESSION_RESCHEDULED, course,
                                        held.get(i), reason, before.get(i)[0], before.get(i)[1]));
                            }
                            return events;
                        };
                    });
        });
    }

    /** Appends {@code weeks} weeks of sessions after the last one; at most 12 weeks in all, with a reason code. */
    public Uni<Courses.BookedCourse> extend(UUID clinicId, UUID courseId, String ifMatch, ExtendCourse request) {
        return change(clinicId, courseId, ifMatch, CourseChange.EXTEND, locked -> {
            Course course = locked.course();
            if (course.weeks + request.weeks() > MAX_WEEKS) {
                throw new RuleViolation(Problem.of("extension-too-long", "Extension too long", 422,
                        "The course has " + course.weeks + " weeks; " + request.weeks() + " more would make "
                                + (course.weeks + request.weeks()) + ", and a course lasts at most " + MAX_WEEKS + " weeks")
                        .with("errors", List.of(new FieldError("weeks", "max-total",
                                "at most " + (MAX_WEEKS - course.weeks) + " for this course"))));
            }
            ZoneId zone = locked.zone();
            Instant now = clock.now();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Optional<Session> last = locked.lastKept(Set.of());
            LocalDate from = last.map(session -> session.localDate.plusDays(1)).filter(day -> day.isAfter(today))
                    .orElse(today.plusDays(1));
            PlannedSession previous = last.map(session -> Placement.of(session, zone)).orElse(null);
            int first = locked.highestNumber() + 1;
            List<Integer> numbers = IntStream.range(first, first + request.weeks() * course.sessionsPerWeek)
                    .boxed().toList();
            return locks.rules(locked, from, from.plusWeeks(Placement.HORIZON_WEEKS), Set.of(), from)
                    .map(rules -> Placement.forward(numbers, from, course.weekdayList(), course.localTime,
                            course.sessionMinutes, rules, previous))
                    .flatMap(placed -> {
                        List<Session> added = placed.stream().map(planned -> {
                            Session session = Courses.session(course, planned);
                            session.status = course.status == CourseStatus.HELD ? SessionStatus.HELD
                                    : SessionStatus.SCHEDULED;
                            session.touch();
                            return session;
                        }).toList();
                        added.forEach(locked::add);
                        course.weeks += request.weeks();
                        course.recurrence = new CoursePattern(course.weekdayList(), course.sessionsPerWeek,
                                course.weeks).recurrence();
                        course.extensionReason = request.reason();
                        course.touch();
                        return locks.persist(added)
                                .map(ignored -> (PendingEvents) () -> {
                                    List<OutgoingEvent> events = new ArrayList<>();
                                    events.add(CourseEvents.courseChanged(CourseEvents.COURSE_EXTENDED, course,
                                            locked.sessions(), request.reason()));
                                    // Held sessions get no events of their own: the resume announces them.
                                    added.stream().filter(session -> session.status == SessionStatus.SCHEDULED)
                                            .forEach(session -> events.add(CourseEvents.sessionScheduled(course, session)));
                                    return events;
                                });
                    });
        });
    }

    /** Cancels every future scheduled or held session and the course; past sessions stay exactly as they are. */
    public Uni<Courses.BookedCourse> cancel(UUID clinicId, UUID courseId, String ifMatch, CancelCourse request) {
        return change(clinicId, courseId, ifMatch, CourseChange.CANCEL, locked -> {
            Course course = locked.course();
            Instant now = clock.now();
            List<Session> future = locked.sessions().stream()
                    .filter(session -> SessionChange.CANCEL.allowedFrom(session.status) && session.startsAt.isAfter(now))
                    .sorted(Comparator.comparingInt((Session session) -> session.number)).toList();
            future.forEach(session -> {
                session.status = SessionChange.CANCEL.target();
                session.statusReason = COURSE_CANCELLED;
                // RFC 5546: a calendar applies a STATUS:CANCELLED only with a higher SEQUENCE (contract 2).
                session.sequence++;
                session.resetConfirmation(now);
                session.touch();
            });
            course.status = CourseChange.CANCEL.target(course.status);
            course.statusReason = request.reason();
            course.touch();
            return Uni.createFrom().item((PendingEvents) () -> {
                List<OutgoingEvent> events = new ArrayList<>();
                events.add(CourseEvents.courseChanged(CourseEvents.COURSE_CANCELLED, course, locked.sessions(),
                        request.reason()));
                future.forEach(session -> events.add(CourseEvents.sessionChanged(CourseEvents.SESSION_CANCELLED,
                        course, session, COURSE_CANCELLED, null, null)));
                return events;
            });
        });
    }

    private Uni<Courses.BookedCourse> change(UUID clinicId, UUID courseId, String ifMatch, CourseChange change,
            Function<LockedCourse, Uni<PendingEvents>> work) {
        return Panache.withTransaction(() -> locks.lock(clinicId, courseId).flatMap(locked -> {
                    IfMatch.require(ifMatch, "course", locked.course().version);
                    change.require(locked.course());
                    return work.apply(locked)
                            .call(events -> locks.flush())
                            .call(events -> outbox.append(events.build()))
                            .call(events -> audit.record(change.action(), "course", courseId))
                            .map(events -> locked.booked());
                }))
                .onFailure(DoubleBookingRace::lost).transform(lost -> new SlotTaken(List.of()));
    }
}
