package health.courses.scheduling.availability;

import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.closure.ClosedDays;
import health.courses.scheduling.closure.Closures;
import health.courses.scheduling.course.BookingRules;
import health.courses.scheduling.course.CoursePattern;
import health.courses.scheduling.course.CoursePlan;
import health.courses.scheduling.course.Occupied;
import health.courses.scheduling.course.SessionPlanner;
import health.courses.scheduling.practitioner.PractitionerRepository;
import health.courses.scheduling.problem.ResourceNotFound;
import health.courses.scheduling.room.RoomRepository;
import health.courses.scheduling.session.SessionRepository;
import health.courses.scheduling.session.SessionView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a whole course fits, so a clinic system can offer choices that will book: for each candidate pattern and
 * start day in the range, the quarter-hour start times at which every session passes the same rules as booking.
 */
@ApplicationScoped
public class Availability {

    private final Clinics clinics;
    private final PractitionerRepository practitioners;
    private final RoomRepository rooms;
    private final Closures closures;
    private final SessionRepository sessions;
    private final ClinicClock clock;

    Availability(Clinics clinics, PractitionerRepository practitioners, RoomRepository rooms, Closures closures,
            SessionRepository sessions, ClinicClock clock) {
        this.clinics = clinics;
        this.practitioners = practitioners;
        this.rooms = rooms;
        this.closures = closures;
        this.sessions = sessions;
        this.clock = clock;
    }

    @WithSession
    public Uni<AvailabilityView> find(UUID clinicId, AvailabilityQuery query) {
        return clinics.current(clinicId)
                .call(clinic -> practitioners.findInClinic(clinicId, query.practitionerId())
                        .onItem().ifNull().failWith(() -> new ResourceNotFound("practitioner", query.practitionerId())))
                .call(clinic -> query.roomId() == null ? Uni.createFrom().voidItem()
                        : rooms.findInClinic(clinicId, query.roomId())
                                .onItem().ifNull().failWith(() -> new ResourceNotFound("room", query.roomId())))
                .flatMap(clinic -> {
                    LocalDate first = query.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    LocalDate last = query.to().plusWeeks(query.weeks()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                    return closures.between(clinicId, first, last)
                            .flatMap(closed -> sessions.occupying(clinicId, query.practitionerId(), query.roomId(),
                                            first.atStartOfDay(clinic.zoneId()).toInstant(),
                                            last.plusDays(1).atStartOfDay(clinic.zoneId()).toInstant())
                                    .map(occupying -> answer(clinic, query, closed,
                                            occupying.stream().map(Occupied::of).toList())));
                });
    }

    private AvailabilityView answer(Clinic clinic, AvailabilityQuery query, ClosedDays closed, List<Occupied> occupied) {
        OpeningHours hours = clinics.openingHours(clinic);
        LocalDate today = clock.today(clinic.zoneId());
        List<AvailablePattern> patterns = new ArrayList<>();
        for (CoursePattern pattern : CoursePattern.candidates(query.sessionsPerWeek(), query.weeks(), query.weekdays())) {
            List<AvailableStart> starts = new ArrayList<>();
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                if (day.isBefore(today) || !pattern.weekdays().contains(day.getDayOfWeek())) {
                    continue;
                }
                BookingRules rules = new BookingRules(clinic.zoneId(), hours, closed,
                        Duration.ofHours(clinic.minGapHours), occupied, query.practitionerId(), query.roomId(),
                        query.sessionMinutes(), day);
                List<String> times = new ArrayList<>();
                for (LocalTime time : SessionPlanner.times(hours, day, LocalTime.MIDNIGHT, query.sessionMinutes())) {
                    CoursePlan plan = CoursePlan.of(pattern, day, time, query.sessionMinutes(), clinic.zoneId());
                    if (SessionPlanner.fits(plan, rules)) {
                        times.add(SessionView.format(plan.first().start()));
                    }
                }
                if (!times.isEmpty()) {
                    starts.add(new AvailableStart(day, times));
                }
            }
            patterns.add(new AvailablePattern(pattern.weekdays(), pattern.recurrence(), starts));
        }
        return new AvailabilityView(query.practitionerId(), query.roomId(), clinic.zone, query.from(), query.to(),
                query.sessionsPerWeek(), query.weeks(), query.sessionMinutes(), patterns);
    }
}
