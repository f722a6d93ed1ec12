package health.courses.scheduling.course;

import health.courses.scheduling.session.Session;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Places sessions one after the other on the course's weekdays at its time, from a day on, skipping every day a
 * booking rule refuses (closed, outside hours, too close to the session before, practitioner or room taken). Used
 * for make-ups and extensions (appended at the end) and for a resume (held sessions re-flowed forward).
 */
final class Placement {

    /** How far ahead a session is looked for before the change is refused. */
    static final int HORIZON_WEEKS = 26;

    private Placement() {
    }

    /**
     * @param previous the course's session just before the first one placed (for the minimum gap), or null
     * @throws RuntimeException a 409/422 problem naming the first session no day within the horizon accepts
     */
    static List<PlannedSession> forward(List<Integer> numbers, LocalDate from, List<DayOfWeek> weekdays,
            LocalTime time, int minutes, BookingRules rules, PlannedSession previous) {
        List<PlannedSession> placed = new ArrayList<>(numbers.size());
        LocalDate day = from;
        LocalDate until = from.plusWeeks(HORIZON_WEEKS);
        PlannedSession before = previous;
        for (int number : numbers) {
            PlannedSession found = null;
            PlannedSession refused = null;
            List<String> reasons = List.of();
            for (; found == null && day.isBefore(until); day = day.plusDays(1)) {
                if (weekdays.contains(day.getDayOfWeek())) {
                    PlannedSession candidate = PlannedSession.at(number, day, time, minutes, rules.zone(), null);
                    List<String> refusal = rules.reasons(candidate, before, null);
                    if (refusal.isEmpty()) {
                        found = candidate;
                    } else {
                        refused = candidate;
                        reasons = refusal;
                    }
                }
            }
            if (found == null) {
                throw CourseNotSchedulable.of(List.of(Unschedulable.of(refused != null ? refused
                        : PlannedSession.at(number, until, time, minutes, rules.zone(), null), reasons, List.of())));
            }
            placed.add(found);
            before = found;
        }
        return placed;
    }

    static PlannedSession of(Session session, ZoneId zone) {
        return new PlannedSession(session.number, session.localDate, session.localTime, session.startsAt.atZone(zone),
                session.endsAt.atZone(zone), session.movedFrom);
    }
}
