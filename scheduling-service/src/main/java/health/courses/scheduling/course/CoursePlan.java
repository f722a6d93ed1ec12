package health.courses.scheduling.course;

import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every session of a course placed in time: the pattern's dates at the local time, in the clinic's zone. */
public record CoursePlan(CoursePattern pattern, ZoneId zone, List<PlannedSession> sessions) {

    /**
     * Each session starts at the requested wall-clock time of its own day, so 10:00 stays 10:00 across a DST
     * change; the zone rules give the instant. A time that does not exist that day (inside a spring-forward gap)
     * moves later by the gap's length, as java.time resolves it.
     */
    public static CoursePlan of(CoursePattern pattern, LocalDate from, LocalTime localTime, int sessionMinutes,
            ZoneId zone) {
        List<PlannedSession> sessions = new ArrayList<>();
        int number = 1;
        for (LocalDate date : pattern.dates(from)) {
            sessions.add(PlannedSession.at(number++, date, localTime, sessionMinutes, zone, null));
        }
        return new CoursePlan(pattern, zone, List.copyOf(sessions));
    }

    public PlannedSession first() {
        return sessions.get(0);
    }

    public PlannedSession last() {
        return sessions.get(sessions.size() - 1);
    }

    /** Refuses a pattern whose sessions start closer together than the clinic allows (e.g. consecutive days). */
    public void requireGap(Duration minimum) {
        List<Map<String, Object>> tooClose = new ArrayList<>();
        for (int i = 1; i < sessions.size(); i++) {
            PlannedSession before = sessions.get(i - 1);
            PlannedSession after = sessions.get(i);
            Duration gap = Duration.between(before.start(), after.start());
            if (gap.compareTo(minimum) < 0) {
                tooClose.add(Map.of("numbers", List.of(before.number(), after.number()),
                        "hoursApart", gap.toHours()));
            }
        }
        if (!tooClose.isEmpty()) {
            throw new RuleViolation(Problem.of("sessions-too-close", "Sessions too close together", 422,
                    tooClose.size() + " pair(s) of sessions start less than " + minimum.toHours()
                            + " hours apart; choose weekdays with a day between them")
                    .with("minGapHours", minimum.toHours())
                    .with("pairs", tooClose));
        }
    }
}
