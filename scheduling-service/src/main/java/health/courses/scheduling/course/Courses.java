package health.courses.scheduling.course;

import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.practitioner.PractitionerRepository;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ResourceNotFound;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.room.RoomRepository;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionRepository;
import health.courses.scheduling.session.SessionStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Books courses and answers what a course looks like. */
@ApplicationScoped
public class Courses {

    private final Clinics clinics;
    private final PractitionerRepository practitioners;
    private final RoomRepository rooms;
    private final CourseRepository courses;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    Courses(Clinics clinics, PractitionerRepository practitioners, RoomRepository rooms, CourseRepository courses,
            SessionRepository sessions, Outbox outbox) {
        this.clinics = clinics;
        this.practitioners = practitioners;
        this.rooms = rooms;
        this.courses = courses;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    public record BookedCourse(Course course, List<Session> sessions) {
    }

    /**
     * All or nothing: the course, every session and every event commit in one transaction, or nothing does. Every
     * occurrence is checked before writing so the answer can name each taken slot; the exclusion constraints are
     * what makes a double booking impossible when two requests race past that check.
     */
    public Uni<BookedCourse> book(UUID clinicId, String bookedBy, BookCourseRequest request) {
        CoursePattern pattern = CoursePattern.of(request.sessionsPerWeek(), request.weeks(), request.weekdays());
        AtomicReference<CoursePlan> planned = new AtomicReference<>();
        return Panache.withTransaction(() -> clinics.current(clinicId)
                .call(clinic -> requireResources(clinicId, request))
                .flatMap(clinic -> {
                    CoursePlan plan = CoursePlan.of(pattern, request.startDate(), request.localTime(),
                            request.sessionMinutesOrDefault(), clinic.zoneId());
                    planned.set(plan);
                    plan.requireGap(Duration.ofHours(clinic.minGapHours));
                    return requireFree(clinicId, request, plan)
                            .flatMap(free -> store(clinic, bookedBy, request, plan))
                            .call(booked -> outbox.append(CourseEvents.scheduled(booked.course(), booked.sessions())));
                }))
                .onFailure(DoubleBookingRace::lost)
                .recoverWithUni(lostRace -> nameTakenSlots(clinicId, request, planned.get()));
    }

    /**
     * After losing a race the winner has committed, so the same check that runs before writing now finds the
     * taken sessions and names them; the answer is the same 409 as without a race.
     */
    private Uni<BookedCourse> nameTakenSlots(UUID clinicId, BookCourseRequest request, CoursePlan plan) {
        return Panache.withSession(() -> requireFree(clinicId, request, plan))
                .flatMap(none -> Uni.createFrom().failure(new SlotTaken(List.of())));
    }

    @WithSession
    public Uni<BookedCourse> find(UUID clinicId, UUID courseId) {
        return courses.findInClinic(clinicId, courseId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("course", courseId))
                .flatMap(course -> sessions.listOfCourse(clinicId, courseId)
                        .map(found -> new BookedCourse(course, found)));
    }

    private Uni<Void> requireResources(UUID clinicId, BookCourseRequest request) {
        return practitioners.findInClinic(clinicId, request.practitionerId())
                .flatMap(practitioner -> rooms.findInClinic(clinicId, request.roomId())
                        .map(room -> {
                            List<FieldError> unknown = new ArrayList<>();
                            if (practitioner == null) {
                                unknown.add(new FieldError("practitionerId", "exists",
                                        "no such practitioner in your clinic"));
                            }
                            if (room == null) {
                                unknown.add(new FieldError("roomId", "exists", "no such room in your clinic"));
                            }
                            if (!unknown.isEmpty()) {
                                throw new RuleViolation(Problem.of("unknown-reference", "Unknown reference", 422,
                                        "The course names a practitioner or room your clinic does not have")
                                        .with("errors", unknown));
                            }
                            return null;
                        }));
    }

    private Uni<Void> requireFree(UUID clinicId, BookCourseRequest request, CoursePlan plan) {
        return sessions.occupying(clinicId, request.practitionerId(), request.roomId(),
                plan.first().start().toInstant(), plan.last().end().toInstant())
                .map(occupying -> {
                    List<SlotTaken.TakenSlot> taken = new ArrayList<>();
                    for (PlannedSession planned : plan.sessions()) {
                        List<String> takenBy = new ArrayList<>();
                        for (Session other : occupying) {
                            if (planned.overlaps(other.startsAt, other.endsAt)) {
                                if (other.practitionerId.equals(request.practitionerId()) && !takenBy.contains("practitioner")) {
                                    takenBy.add("practitioner");
                                }
                                if (other.roomId.equals(request.roomId()) && !takenBy.contains("room")) {
                                    takenBy.add("room");
                                }
                            }
                        }
                        if (!takenBy.isEmpty()) {
                            taken.add(SlotTaken.TakenSlot.of(planned, takenBy));
                        }
                    }
                    if (!taken.isEmpty()) {
                        throw new SlotTaken(taken);
                    }
                    return null;
                });
    }

    private Uni<BookedCourse> store(Clinic clinic, String bookedBy, BookCourseRequest request, CoursePlan plan) {
        Course course = new Course();
        course.id = UUID.randomUUID();
        course.clinicId = clinic.id;
        course.patientId = request.patientId();
        course.practitionerId = request.practitionerId();
        course.roomId = request.roomId();
        course.status = CourseStatus.SCHEDULED;
        course.startDate = request.startDate();
        course.sessionsPerWeek = plan.pattern().sessionsPerWeek();
        course.weeks = plan.pattern().weeks();
        course.weekdays = Course.weekdaysColumn(plan.pattern().weekdays());
        course.localTime = request.localTime();
        course.sessionMinutes = request.sessionMinutesOrDefault();
        course.zone = plan.zone().getId();
        course.recurrence = plan.pattern().recurrence();
        course.bookedBy = bookedBy;
        course.version = 1;
        course.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Session> planned = plan.sessions().stream().map(session -> session(course, session)).toList();
        return courses.persist(course)
                .call(saved -> sessions.persist(planned))
                .map(saved -> new BookedCourse(course, planned));
    }

    private static Session session(Course course, PlannedSession planned) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.clinicId = course.clinicId;
        session.courseId = course.id;
        session.practitionerId = course.practitionerId;
        session.roomId = course.roomId;
        session.number = planned.number();
        session.startsAt = planned.start().toInstant();
        session.endsAt = planned.end().toInstant();
        session.localDate = planned.localDate();
        session.localTime = planned.localTime();
        session.status = SessionStatus.SCHEDULED;
        session.sequence = 0;
        session.version = 1;
        return session;
    }
}
