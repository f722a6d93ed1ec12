package health.courses.scheduling.course;

import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.course.LifecycleRequests.CancelSession;
import health.courses.scheduling.course.LifecycleRequests.CompleteSession;
import health.courses.scheduling.course.LifecycleRequests.MarkSessionMissed;
import health.courses.scheduling.course.LifecycleRequests.RescheduleSession;
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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Changes of one session: reschedule, cancel, missed, complete. Each touches exactly the session it names (plus a
 * make-up appended at the end of the course for a cancelled or missed one, when the clinic makes sessions up), and
 * writes exactly one event for it, in the transaction that locked the course row.
 */
@ApplicationScoped
public class SessionChanges {

    static final String NO_SHOW = "no-show";
    static final String ALL_SESSIONS_DONE = "last-session-completed";
    /** Sessions whose slot and place in the course still count for spacing. */
    private static final Set<SessionStatus> KEPT = EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.HELD,
            SessionStatus.COMPLETED);

    private final CourseLocks locks;
    private final Outbox outbox;
    private final ClinicClock clock;
    private final LifecycleMetrics metrics;
    private final AuditTrail audit;

    SessionChanges(CourseLocks locks, Outbox outbox, ClinicClock clock, LifecycleMetrics metrics, AuditTrail audit) {
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.audit = audit;
    }

    public Uni<Courses.BookedCourse> reschedule(UUID clinicId, UUID sessionId, String ifMatch, RescheduleSession request) {
        return change(SessionChange.RESCHEDULE, clinicId, sessionId, ifMatch, (locked, session) -> {
            ZoneId zone = locked.zone();
            LocalDateTime local = StartTime.parse("start", request.start(), zone);
            int minutes = (int) ChronoUnit.MINUTES.between(session.startsAt, session.endsAt);
            PlannedSession moved = PlannedSession.at(session.number, local.toLocalDate(), local.toLocalTime(), minutes,
                    zone, null);
            Instant now = clock.now();
            if (!moved.start().toInstant().isAfter(now)) {
                throw new RuleViolation(Problem.of("start-in-past", "Start in the past", 422,
                        "A session cannot be moved to " + local + ": that is not after now in " + zone)
                        .with("errors", List.of(new FieldError("start", "future", "must be after now"))));
            }
            List<Session> others = locked.sessions().stream()
                    .filter(other -> KEPT.contains(other.status) && !other.id.equals(session.id))
                    .sorted(Comparator.comparing((Session other) -> other.startsAt)).toList();
            PlannedSession previous = others.stream().filter(other -> other.startsAt.isBefore(moved.start().toInstant()))
                    .reduce((first, second) -> second).map(other -> Placement.of(other, zone)).orElse(null);
            PlannedSession next = others.stream().filter(other -> !other.startsAt.isBefore(moved.start().toInstant()))
                    .findFirst().map(other -> Placement.of(other, zone)).orElse(null);
            // The whole ISO week is loaded so a refusal can offer alternatives on the other days of that week.
            LocalDate monday = moved.localDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return locks.rules(locked, monday, monday.plusDays(6), Set.of(session.id), clock.today(zone))
                    .map(rules -> {
                        List<String> reasons = rules.reasons(moved, previous, next);
                        if (!reasons.isEmpty()) {
                            throw CourseNotSchedulable.of(List.of(Unschedulable.of(moved, reasons,
                                    SessionPlanner.alternatives(moved, previous, next, rules))));
                        }
                        Instant previousStart = session.startsAt;
                        Instant previousEnd = session.endsAt;
                        if (session.movedFrom == null && !session.localDate.equals(moved.localDate())) {
                            session.movedFrom = session.localDate;
                        }
                        session.startsAt = moved.start().toInstant();
                        session.endsAt = moved.end().toInstant();
                        session.localDate = moved.localDate();
                        session.localTime = moved.localTime();
                        session.sequence++;
                        session.resetConfirmation(now);
                        touch(locked, session, request.reason());
                        return (PendingEvents) () -> List.of(CourseEvents.sessionChanged(CourseEvents.SESSION_RESCHEDULED,
                                locked.course(), session, request.reason(), previousStart, previousEnd));
                    });
        });
    }

    public Uni<Courses.BookedCourse> cancel(UUID clinicId, UUID sessionId, String ifMatch, CancelSession request) {
        return change(SessionChange.CANCEL, clinicId, sessionId, ifMatch, (locked, session) -> {
            Instant now = clock.now();
            session.status = SessionChange.CANCEL.target();
            // RFC 5546: a calendar applies a STATUS:CANCELLED only with a higher SEQUENCE (contract 2).
            session.sequence++;
            session.cancelledBy = request.by();
            session.resetConfirmation(now);
            String reason = request.by() + ":" + request.reason();
            touch(locked, session, reason);
            return makeUp(locked, session, now).map(makeUp -> {
                boolean finished = finishIfDone(locked, now);
                return (PendingEvents) () -> {
                    List<OutgoingEvent> events = new ArrayList<>();
                    events.add(CourseEvents.sessionChanged(CourseEvents.SESSION_CANCELLED, locked.course(), session,
                            reason, null, null));
                    makeUp.ifPresent(added -> events.add(CourseEvents.sessionScheduled(locked.course(), added)));
                    if (finished) {
                        events.add(completed(locked));
                    }
                    return events;
                };
            });
        });
    }

    public Uni<Courses.BookedCourse> missed(UUID clinicId, UUID sessionId, String ifMatch, MarkSessionMissed request) {
        return change(SessionChange.MISS, clinicId, sessionId, ifMatch, (locked, session) -> {
            Instant now = requireStarted(locked, session, SessionChange.MISS);
            String reason = request == null ? NO_SHOW : ReasonCode.orDefault(request.reason(), NO_SHOW);
            session.status = SessionChange.MISS.target();
            // Shown as STATUS:CANCELLED in the course's calendar: a status change a calendar must see.
            session.sequence++;
            touch(locked, session, reason);
            return makeUp(locked, session, now).map(makeUp -> {
                boolean finished = finishIfDone(locked, now);
                return (PendingEvents) () -> {
                    List<OutgoingEvent> events = new ArrayList<>();
                    events.add(CourseEvents.sessionChanged(CourseEvents.SESSION_MISSED, locked.course(), session,
                            reason, null, null));
                    makeUp.ifPresent(added -> events.add(CourseEvents.sessionScheduled(locked.course(), added)));
                    if (finished) {
                        events.add(completed(locked));
                    }
                    return events;
                };
            });
        });
    }

    public Uni<Courses.BookedCourse> complete(UUID clinicId, UUID sessionId, String ifMatch, CompleteSession request) {
        return change(SessionChange.COMPLETE, clinicId, sessionId, ifMatch, (locked, session) -> {
            Instant now = requireStarted(locked, session, SessionChange.COMPLETE);
            session.status = SessionChange.COMPLETE.target();
            session.intensity = request.intensity();
            session.toleranceNote = request.toleranceNote();
            session.completedAt = now;
            touch(locked, session, null);
            boolean finished = finishIfDone(locked, now);
            return Uni.createFrom().item((PendingEvents) () -> {
                List<OutgoingEvent> events = new ArrayList<>();
                events.add(CourseEvents.sessionChanged(CourseEvents.SESSION_COMPLETED, locked.course(), session, null,
                        null, null));
                if (finished) {
                    events.add(completed(locked));
                }
                return events;
            });
        });
    }

    @FunctionalInterface
    private interface Work {
        Uni<PendingEvents> apply(LockedCourse locked, Session session);
    }

    private Uni<Courses.BookedCourse> change(SessionChange change, UUID clinicId, UUID sessionId, String ifMatch,
            Work work) {
        return Panache.withTransaction(() -> locks.lockOfSession(clinicId, sessionId)
                        .flatMap(locked -> {
                            IfMatch.require(ifMatch, "course", locked.course().version);
                            Session session = locked.session(sessionId);
                            change.require(locked.course(), session);
                            return work.apply(locked, session)
                                    .call(events -> locks.flush())
                                    .call(events -> outbox.append(events.build()))
                                    .call(events -> audit.record(change.action(), "session", sessionId))
                                    .map(events -> locked.booked());
                        }))
                .onFailure(DoubleBookingRace::lost).transform(lost -> new SlotTaken(List.of()))
                .invoke(changed -> metrics.sessionChanged(change));
    }

    private Instant requireStarted(LockedCourse locked, Session session, SessionChange change) {
        Instant now = clock.now();
        if (now.isBefore(session.startsAt)) {
            throw new SessionNotStarted(session, locked.zone(), change.word());
        }
        return now;
    }

    private static void touch(LockedCourse locked, Session session, String reason) {
        if (reason != null) {
            session.statusReason = reason;
        }
        session.touch();
        locked.course().touch();
    }

    /**
     * A course is counted in sessions: a cancelled or missed one is made up by one more at the end, on the course's
     * weekdays at its time, under every booking rule. Held while the course is held (and then announced by the
     * resume), else scheduled.
     */
    private Uni<Optional<Session>> makeUp(LockedCourse locked, Session replaced, Instant now) {
        if (!locked.clinic().makeUpSessions) {
            return Uni.createFrom().item(Optional.empty());
        }
        Course course = locked.course();
        ZoneId zone = locked.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<Session> last = locked.lastKept(Set.of());
        LocalDate from = last.map(session -> session.localDate.plusDays(1)).filter(day -> day.isAfter(today))
                .orElse(today.plusDays(1));
        PlannedSession previous = last.map(session -> Placement.of(session, zone)).orElse(null);
        return locks.rules(locked, from, from.plusWeeks(Placement.HORIZON_WEEKS), Set.of(), from)
                .flatMap(rules -> {
                    PlannedSession placed = Placement.forward(List.of(locked.highestNumber() + 1), from,
                            course.weekdayList(), course.localTime, course.sessionMinutes, rules, previous).get(0);
                    Session added = Courses.session(course, placed);
                    added.status = course.status == CourseStatus.HELD ? SessionStatus.HELD : SessionStatus.SCHEDULED;
                    added.makeUpFor = replaced.id;
                    added.touch();
                    locked.add(added);
                    return locks.persist(added).map(ignored -> added.status == SessionStatus.SCHEDULED
                            ? Optional.of(added) : Optional.<Session>empty());
                });
    }

    /**
     * The course completes itself once no session is left to take place and at least one took place. Changes the
     * course before the flush; the caller adds course.completed.v1 after it (see {@link #completed}).
     */
    static boolean finishIfDone(LockedCourse locked, Instant now) {
        Course course = locked.course();
        boolean remaining = locked.sessions().stream()
                .anyMatch(session -> session.status == SessionStatus.SCHEDULED || session.status == SessionStatus.HELD);
        boolean anyCompleted = locked.sessions().stream().anyMatch(session -> session.status == SessionStatus.COMPLETED);
        if (remaining || !anyCompleted || !CourseChange.COMPLETE.allowedFrom(course.status)) {
            return false;
        }
        course.status = CourseChange.COMPLETE.target(course.status);
        course.statusReason = ALL_SESSIONS_DONE;
        course.touch();
        return true;
    }

    static OutgoingEvent completed(LockedCourse locked) {
        return CourseEvents.courseChanged(CourseEvents.COURSE_COMPLETED, locked.course(), locked.sessions(),
                ALL_SESSIONS_DONE);
    }
}
