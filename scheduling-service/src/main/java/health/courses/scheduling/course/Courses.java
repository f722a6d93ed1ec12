package health.courses.scheduling.course;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.audit.Actor;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.closure.ClosedDays;
import health.courses.scheduling.evaluation.ClinicalGate;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.outbox.OutboxEvent;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ProblemException;
import health.courses.scheduling.problem.ResourceNotFound;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionRepository;
import health.courses.scheduling.session.SessionStatus;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
    private final CourseRepository courses;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final ClinicClock clock;
    private final LifecycleMetrics metrics;
    private final String calendarUidDomain;
    private final Caller caller;
    private final Pool pool;
    private final DistributionSummary roundTrips;

    Courses(Clinics clinics, CourseRepository courses, SessionRepository sessions, Outbox outbox,
            Idempotency idempotency, ClinicClock clock, LifecycleMetrics metrics,
            @ConfigProperty(name = "courses.calendar.uid-domain", defaultValue = "courses.health") String calendarUidDomain,
            Caller caller, Pool pool, MeterRegistry registry) {
        this.clinics = clinics;
        this.courses = courses;
        this.sessions = sessions;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
        this.calendarUidDomain = calendarUidDomain;
        this.caller = caller;
        this.pool = pool;
        this.roundTrips = DistributionSummary.builder("courses.booking.round.trips")
                .description("Round trips to PostgreSQL per committed booking, BEGIN and COMMIT included")
                .register(registry);
    }

    public record BookedCourse(Course course, List<Session> sessions) {
    }

    /** A course ready to store: the clinic it belongs to, the pattern and every session placed. */
    record Checked(Clinic clinic, CoursePlan plan) {
    }

    /**
     * All or nothing: the course, every session, every event, the audit row and the idempotency record commit in one
     * transaction, or nothing does. Every occurrence is checked before writing so the answer can name each one that
     * fails; the exclusion constraints are what makes a double booking impossible when two requests race past that
     * check. Four round trips: BEGIN, one read (key claim included), one write, COMMIT ({@link BookingStore}).
     */
    public Uni<Created> book(UUID clinicId, String bookedBy, String idempotencyKey, BookCourseRequest request) {
        Idempotency.Key key;
        Actor actor;
        try {
            key = idempotency.key(clinicId, idempotencyKey, BOOK, request);
            // Read while the request is current: the caller is request-scoped, its token the one that authorised it.
            actor = new Actor(caller.clinicId(), caller.subject(), caller.role(), caller.requestId());
        } catch (RuntimeException refused) {
            return Uni.createFrom().<Created>failure(refused)
                    .onFailure().invoke(refusal -> metrics.rejected(problemName(refusal)));
        }
        BookingStore.RoundTrips trips = new BookingStore.RoundTrips();
        return pool.withTransaction(connection -> facts(connection, clinicId, request, key, trips)
                        .flatMap(facts -> answer(connection, facts, key, trips).onItem().ifNull()
                                .switchTo(() -> store(connection, check(request, facts), bookedBy, request, key, actor,
                                        trips))))
                .onFailure(DoubleBookingRace::lost)
                .recoverWithUni(lostRace -> nameTakenSlots(clinicId, request))
                .invoke(created -> {
                    if (!created.replayed()) {
                        metrics.booked();
                        roundTrips.record(trips.count());
                    }
                })
                .onFailure().invoke(refusal -> metrics.rejected(problemName(refusal)));
    }

    /** The read; read again (a new snapshot) when a concurrent first request of a new clinic provisioned it. */
    private static Uni<BookingStore.Facts> facts(SqlConnection connection, UUID clinicId, BookCourseRequest request,
            Idempotency.Key key, BookingStore.RoundTrips trips) {
        return BookingStore.read(connection, clinicId, request, key, trips)
                .onItem().ifNull().switchTo(() -> BookingStore.read(connection, clinicId, request, key, trips));
    }

    /** The first answer when the key was used before (or the refusal of another body); null when this request runs. */
    private static Uni<Created> answer(SqlConnection connection, BookingStore.Facts facts, Idempotency.Key key,
            BookingStore.RoundTrips trips) {
        if (key == null || facts.stored().claimed()) {
            return Uni.createFrom().nullItem();
        }
        Uni<BookingStore.Stored> stored = facts.stored().requestHash() != null
                ? Uni.createFrom().item(facts.stored())
                : BookingStore.stored(connection, key, trips);
        return stored.map(first -> Idempotency.replay(key, first.requestHash(), first.location(), first.etag(),
                first.body()));
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
        return pool.withTransaction(connection -> BookingStore.read(connection, clinicId, request, null,
                        new BookingStore.RoundTrips()))
                .map(facts -> check(request, facts))
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

    /**
     * Every rule, in the order a clinic fixes them: references, dates, the clinical gate, then each session. Pure:
     * {@code facts} holds everything read.
     */
    Checked check(BookCourseRequest request, BookingStore.Facts facts) {
        Clinic clinic = facts.clinic();
        requireReferences(facts);
        OpeningHours hours = clinics.openingHours(clinic);
        int minutes = request.sessionMinutesOrDefault();
        EarliestStart.requireNotPast(clinic.zoneId(), clock.now(), request);
        ClinicalGate.check(facts.evaluation(), request.patientId(), request.startDate());
        CoursePattern pattern = CoursePattern.choose(request.sessionsPerWeek(), request.weeks(),
                request.weekdays(), hours, request.localTime(), minutes);
        CoursePlan plan = CoursePlan.of(pattern, request.startDate(), request.localTime(), minutes, clinic.zoneId());
        EarliestStart.requireFirstNotPast(clinic.zoneId(), clock.now(), plan.first());
        Duration minGap = Duration.ofHours(clinic.minGapHours);
        plan.requireGap(minGap);
        BookingRules rules = new BookingRules(clinic.zoneId(), hours, new ClosedDays(facts.closures()), minGap,
                facts.occupied(), request.practitionerId(), request.roomId(), minutes, request.startDate());
        SessionPlanner.Schedule schedule = SessionPlanner.plan(plan, rules);
        if (!schedule.failures().isEmpty()) {
            throw CourseNotSchedulable.of(schedule.failures());
        }
        // a closed day may move the first session within its week, to an earlier day than its pattern day
        EarliestStart.requireFirstNotPast(clinic.zoneId(), clock.now(), schedule.sessions().get(0));
        return new Checked(clinic, new CoursePlan(pattern, plan.zone(), schedule.sessions()));
    }

    private static void requireReferences(BookingStore.Facts facts) {
        List<FieldError> unknown = new ArrayList<>();
        if (!facts.patientKnown()) {
            unknown.add(new FieldError("patientId", "exists", "no such patient in your clinic"));
        }
        if (!facts.practitionerKnown()) {
            unknown.add(new FieldError("practitionerId", "exists", "no such practitioner in your clinic"));
        }
        if (!facts.roomKnown()) {
            unknown.add(new FieldError("roomId", "exists", "no such room in your clinic"));
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolation(Problem.of("unknown-reference", "Unknown reference", 422,
                    "The course names a patient, practitioner or room your clinic does not have")
                    .with("errors", unknown));
        }
    }

    private Uni<Created> store(SqlConnection connection, Checked checked, String bookedBy, BookCourseRequest request,
            Idempotency.Key key, Actor actor, BookingStore.RoundTrips trips) {
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
        Created created = Created.of(URI.create("/api/v1/courses/" + course.id), course.version,
                CourseView.of(course, planned));
        List<OutboxEvent> events = outbox.rows(CourseEvents.scheduled(course, planned));
        return BookingStore.write(connection, course, planned, events, actor, key, created.location().toString(),
                        created.etag(), key == null ? null : idempotency.bodyOf(created), trips)
                .replaceWith(created);
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
