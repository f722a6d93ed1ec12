package health.courses.scheduling.course;

import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.session.SessionView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A course must not start before now: not on a day before the clinic's today, and not with a first session earlier
 * today (booked at 10:00 for 09:40, that session would be past at once, get no reminder and read as scheduled). The
 * refusal names the earliest possible start: now, rounded up to the next quarter hour of the clinic's zone, the grid
 * the planner offers alternatives on; a start a clinic can send back as it is (as startDate and localTime).
 */
final class EarliestStart {

    static final String TYPE = "start-date-in-past";

    private EarliestStart() {
    }

    /** Part of the "dates" step of the booking rules: after references, before the clinical gate. */
    static void requireNotPast(ZoneId zone, Instant now, BookCourseRequest request) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        ZonedDateTime earliest = earliest(now, zone);
        if (request.startDate().isBefore(today)) {
            throw refusal("The course cannot start on " + request.startDate() + ": today is " + today
                    + " in the clinic's zone " + zone.getId() + "; the earliest possible start is "
                    + SessionView.format(earliest), earliest, "startDate", "must be today or later");
        }
    }

    /**
     * The first session, as planned and again as placed (a closure may move it to an earlier day of its week), must
     * not start before now; by then the start date is known not to be past, so it is the time of day that is wrong.
     */
    static void requireFirstNotPast(ZoneId zone, Instant now, PlannedSession first) {
        if (first.start().toInstant().isBefore(now)) {
            ZonedDateTime earliest = earliest(now, zone);
            throw refusal("The first session would start at " + SessionView.format(first.start()) + ", before now ("
                    + SessionView.format(now.atZone(zone).truncatedTo(ChronoUnit.SECONDS)) + " in the clinic's zone " + zone.getId()
                    + "); the earliest possible start is " + SessionView.format(earliest), earliest, "localTime",
                    "the first session must not start before now");
        }
    }

    /** Now, rounded up to the next quarter hour in the clinic's zone (now itself when it is on the grid). */
    static ZonedDateTime earliest(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime floor = local.truncatedTo(ChronoUnit.HOURS)
                .plusMinutes(local.getMinute() / SessionPlanner.STEP_MINUTES * SessionPlanner.STEP_MINUTES);
        return floor.equals(local) ? floor : floor.plusMinutes(SessionPlanner.STEP_MINUTES);
    }

    private static RuleViolation refusal(String detail, ZonedDateTime earliest, String field, String message) {
        return new RuleViolation(Problem.of(TYPE, "Start date in the past", 422, detail)
                .with("earliestStart", SessionView.format(earliest))
                .with("errors", List.of(new FieldError(field, "not-past", message))));
    }
}
