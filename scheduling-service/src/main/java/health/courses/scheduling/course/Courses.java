package health.courses.scheduling.course;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.closure.Closures;
import health.courses.scheduling.evaluation.ClinicalGate;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.patient.PatientRepository;
import health.courses.scheduling.practitioner.PractitionerRepository;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ProblemException;
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
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Books courses and answers what a course looks like. */
@ApplicationScoped
public class Courses {

    static final String BOOK = "POST /api/v1/courses";

    private final Clinics clinics;
    private final PractitionerRepository practitioners;
    private final RoomRepository rooms;
    private final PatientRepository patients;
    private final ClinicalGate gate;
    private final Closures closures;
    private final CourseRepository courses;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final ClinicClock clock;
    private final LifecycleMetrics metrics;
    private final String calendarUidDomain;
    private final AuditTrail audit;

    Courses(Clinics clinics, PractitionerRepository practitioners, RoomRepository rooms, PatientRepository patients,
            ClinicalGate gate, Closures closures, CourseRepository courses, SessionRepository sessions, Outbox outbox,
            Idempotency idempotency, ClinicClock clock, LifecycleMetrics metrics,
            @ConfigProperty(name = "courses.calendar.uid-domain", defaultValue = "courses.health") String calendarUidDomain,
            AuditTrail audit) {
        this.audit = audit;
        this.clinics = clinics;
        this.practitioners = practitioners;
        this.rooms = rooms;
        this.patients = patients;
        this.gate = gate;
        this.closures = closures;
        this.courses = courses;
        this.sessions = sessions;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
        this.calendarUidDomain = calendarUidDomain;
    }

    public record BookedCourse(Course course, List<Session> sessions) {
    }

    /** A course ready to store: the clinic it belongs to, the pattern and every session placed. */
    record Checked(Clinic clinic, CoursePlan plan) {
    }

    /**
     * All or nothing: the course, every session, every event and the idempotency record commit in one transaction,
     * or nothing does. Every occurrence is checked before writing so the answer can name each one that fails; the
     * exclusion constraints are what makes a double booking impossible when two requests race past that check.
     */
    public Uni<Created> book(UUID clinicId, String bookedBy, String idempotencyKey, BookCourseRequest request) {
        return idempotency.create(clinicId, idempotencyKey, BOOK, request,
                () -> check(clinicId, request)
                        .flatMap(checked -> store(checked, bookedBy, request))
                        .call(booked -> outbox.append(CourseEvents.scheduled(booked.course(), booked.sessions())))
                        .call(booked -> audit.record("course.booked", "course", booked.course().id))
                        .map(booked -> Created.of(URI.create("/api/v1/courses/" + booked.course().id),
                                booked.course().version, CourseView.of(booked.course(), booked.sessions()))))
                .onFailure(DoubleBookingRace::lost)
                .recoverWithUni(lostRace -> nameTakenSlots(clinicId, request))
                .invoke(created -> {
                    if (!created.replayed()) {
                        metrics.booked();
                    }
                })
                .onFailure().invoke(refusal -> metrics.rejected(problemName(refusal)));
    }

    /** The short name of a refusal's Problem type (slot-taken, evaluation-expired, ...), for the bookings metric. */
    private static String problemName(Throwable refusal) {
        if (refusal instanceof ProblemException problem) {
            String type = problem.problem().type().toString();
            return type.substring(type.lastIndexOf('/') + 1);
        }
        return refusal instanceof InvalidInput ? "validation" : "error";
    }

    /**
     * After losing a race the winner has committed, so the same checks that run before writing now find the
     * taken sessions and name them; the answer is the same 409 as without a race.
     */
    private Uni<Created> nameTakenSlots(UUID clinicId, BookCourseRequest request) {
        return Panache.withSession(() -> check(clinicId, request))
                .flatMap(none -> Uni.createFrom().failure(new SlotTaken(List.of())));
    }

    @WithSession
    public Uni<BookedCourse> find(UUID clinicId, UUID courseId) {
        return courses.findInClinic(clinicId, courseId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("course", courseId))
                .flatMap(course -> sessions.listOfCourse(clinicId, courseId)
                        .map(found -> new BookedCourse(course, found)));
    }

    /** The course as an iCalendar file; UIDs are session-{id}@{courses.calendar.uid-domain}. */
    @WithSession
    public Uni<String> calendar(UUID clinicId, UUID courseId) {
        return find(clinicId, courseId).flatMap(found -> clinics.current(clinicId)
                .map(clinic -> CourseCalendar.of(clinic.name, found.course(), found.sessions(), clock.now(),
                        calendarUidDomain)));
    }

    @WithSession
    public Uni<CourseList> list(UUID clinicId, UUID patientId, CourseStatus status, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        return courses.pageInClinic(clinicId, patientId, status, after, page.fetchSize())
                .flatMap(found -> sessions.listOfCourses(clinicId, found.stream().map(course -> course.id).toList())
                        .map(all -> {
                            Map<UUID, List<Session>> byCourse = all.stream()
                                    .collect(Collectors.groupingBy(session -> session.courseId));
                            Page<CourseView> shown = Page.of(found, page,
                                    course -> CourseView.of(course, byCourse.getOrDefault(course.id, List.of())),
                                    last -> Cursor.encode(last.createdAt.toString(), last.id.toString()));
                            return new CourseList(shown.items(), shown.nextCursor());
                        }));
    }

    /** Every rule, in the order a clinic fixes them: references, dates, the clinical gate, then each session. */
    Uni<Checked> check(UUID clinicId, BookCourseRequest request) {
        return clinics.current(clinicId)
                .call(clinic -> requireReferences(clinicId, request))
                .invoke(clinic -> requireNotPast(clinic, request.startDate()))
                .call(clinic -> gate.require(clinicId, request.patientId(), request.startDate()))
                .flatMap(clinic -> {
                    var hours = clinics.openingHours(clinic);
                    int minutes = request.sessionMinutesOrDefault();
                    CoursePattern pattern = CoursePattern.choose(request.sessionsPerWeek(), request.weeks(),
                            request.weekdays(), hours, request.localTime(), minutes);
                    CoursePlan plan = CoursePlan.of(pattern, request.startDate(), request.localTime(), minutes,
                            clinic.zoneId());
                    Duration minGap = Duration.ofHours(clinic.minGapHours);
                    plan.requireGap(minGap);
                    LocalDate from = plan.first().localDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    LocalDate to = plan.last().localDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                    return closures.between(clinicId, from, to)
                            .flatMap(closed -> sessions.occupying(clinicId, request.practitionerId(), request.roomId(),
                                    from.atStartOfDay(clinic.zoneId()).toInstant(),
                                    to.plusDays(1).atStartOfDay(clinic.zoneId()).toInstant())
                                    .map(occupying -> new BookingRules(clinic.zoneId(), hours, closed, minGap,
                                            occupying.stream().map(Occupied::of).toList(), request.practitionerId(),
                                            request.roomId(), minutes, request.startDate())))
                            .map(rules -> {
                                SessionPlanner.Schedule schedule = SessionPlanner.plan(plan, rules);
                                if (!schedule.failures().isEmpty()) {
                                    throw CourseNotSchedulable.of(schedule.failures());
                                }
                                return new Checked(clinic, new CoursePlan(pattern, plan.zone(), schedule.sessions()));
                            });
                });
    }

    private void requireNotPast(Clinic clinic, LocalDate startDate) {
        LocalDate today = clock.today(clinic.zoneId());
        if (startDate.isBefore(today)) {
            throw new RuleViolation(Problem.of("start-date-in-past", "Start date in the past", 422,
                    "The course cannot start on " + startDate + ": today is " + today + " in the clinic's zone "
                            + clinic.zone)
                    .with("errors", List.of(new FieldError("startDate", "not-past", "must be today or later"))));
        }
    }

    private Uni<Void> requireReferences(UUID clinicId, BookCourseRequest request) {
        return practitioners.findInClinic(clinicId, request.practitionerId())
                .flatMap(practitioner -> rooms.findInClinic(clinicId, request.roomId())
                        .flatMap(room -> patients.findInClinic(clinicId, request.patientId())
                                .map(patient -> {
                                    List<FieldError> unknown = new ArrayList<>();
                                    if (patient == null) {
                                        unknown.add(new FieldError("patientId", "exists", "no such patient in your clinic"));
                                    }
                                    if (practitioner == null) {
                                        unknown.add(new FieldError("practitionerId", "exists",
                                                "no such practitioner in your clinic"));
                                    }
                                    if (room == null) {
                                        unknown.add(new FieldError("roomId", "exists", "no such room in your clinic"));
                                    }
                                    if (!unknown.isEmpty()) {
                                        throw new RuleViolation(Problem.of("unknown-reference", "Unknown reference", 422,
                                                "The course names a patient, practitioner or room your clinic does not have")
                                                .with("errors", unknown));
                                    }
                                    return null;
                                })));
    }

    private Uni<BookedCourse> store(Checked checked, String bookedBy, BookCourseRequest request) {
        CoursePlan plan = checked.plan();
        Course course = new Course();
        course.id = UUID.randomUUID();
        course.clinicId = checked.clinic().id;
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
        course.createdAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        course.updatedAt = course.createdAt;
        List<Session> planned = plan.sessions().stream().map(session -> session(course, session)).toList();
        return courses.persist(course)
                .call(saved -> sessions.persist(planned))
                .map(saved -> new BookedCourse(course, planned));
    }

    static Session session(Course course, PlannedSession planned) {
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
        session.movedFrom = planned.movedFrom();
        session.status = SessionStatus.SCHEDULED;
        session.sequence = 0;
        session.version = 1;
        session.updatedAt = course.createdAt;
        return session;
    }
}
