package health.courses.scheduling.course;

import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ProblemException;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.session.SessionView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A course must not start in the past: neither on a day before the clinic's today, nor today at a time already gone
 * (booked at 10:00 for a 09:40 start). The refusal names the earliest possible start: now, rounded up to the next
 * quarter hour of the clinic's zone, the grid the planner offers alternatives on. That is a start a clinic can send
 * back as it is (as startDate and localTime); whether the pattern and opening hours allow it is checked as usual.
 */
final class EarliestStart {

    static final String TYPE = "start-date-in-past";

    private EarliestStart() {
    }

    /** Part of the "dates" step of the booking rules: after references, before the clinical gate. */
    static void requireNotPast(ZoneId zone, Instant now, BookCourseRequest request, OpeningHours hours) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        ZonedDateTime earliest = earliest(now, zone);
        if (request.startDate().isBefore(today)) {
            throw refusal("The course cannot start on " + request.startDate() + ": today is " + today
                    + " in the clinic's zone " + zone.getId() + "; the earliest possible start is "
                    + SessionView.format(earliest), earliest, "startDate", "must be today or later");
        }
        if (request.startDate().equals(today)) {
            firstStart(request, hours, zone).filter(first -> first.toInstant().isBefore(now)).ifPresent(first -> {
                throw refusal("The first session would start at " + SessionView.format(first)
                        + ", which has passed; the earliest possible start is " + SessionView.format(earliest),
                        earliest, "localTime", "must not be earlier than now on the start date");
            });
        }
    }

    /** Now, rounded up to the next quarter hour in the clinic's zone (now itself when it is on the grid). */
    static ZonedDateTime earliest(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime floor = local.truncatedTo(ChronoUnit.HOURS)
                .plusMinutes(local.getMinute() / SessionPlanner.STEP_MINUTES * SessionPlanner.STEP_MINUTES);
        return floor.equals(local) ? floor : floor.plusMinutes(SessionPlanner.STEP_MINUTES);
    }

    /**
     * The first session as the pattern places it; empty when the pattern itself is refused, which the later
     * steps report in their usual place (the order of the checks stays as it was).
     */
    private static Optional<ZonedDateTime> firstStart(BookCourseRequest request, OpeningHours hours,
            ZoneId zone) {
        try {
            int minutes = request.sessionMinutesOrDefault();
            CoursePattern pattern = CoursePattern.choose(request.sessionsPerWeek(), request.weeks(),
                    request.weekdays(), hours, request.localTime(), minutes);
            return Optional.of(CoursePlan.of(pattern, request.startDate(), request.localTime(), minutes, zone)
                    .first().start());
        } catch (ProblemException | InvalidInput | IllegalArgumentException refusedLater) {
            return Optional.empty();
        }
    }

    private static RuleViolation refusal(String detail, ZonedDateTime earliest, String field, String message) {
        return new RuleViolation(Problem.of(TYPE, "Start date in the past", 422, detail)
                .with("earliestStart", SessionView.format(earliest))
                .with("errors", List.of(new FieldError(field, "not-past", message))));
    }
}
