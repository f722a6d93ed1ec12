package health.courses.scheduling.course;

import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.session.SessionView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Places every occurrence of a course's pattern under the booking rules before anything is written. A session on
 * a closed day moves to the nearest allowed day of the same ISO week; every occurrence that still breaks a rule
 * is reported with its reasons and nearby alternatives, so one answer tells the clinic everything to fix.
 */
public final class SessionPlanner {

    /** Alternatives are offered on a quarter-hour grid: what front desks book in. */
    static final int STEP_MINUTES = 15;
    static final int MAX_ALTERNATIVES = 3;

    public record Schedule(List<PlannedSession> sessions, List<Unschedulable> failures) {
    }

    private SessionPlanner() {
    }

    public static Schedule plan(CoursePlan pattern, BookingRules rules) {
        List<PlannedSession> raw = pattern.sessions();
        List<PlannedSession> placed = new ArrayList<>(raw.size());
        List<Unschedulable> failures = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            PlannedSession session = raw.get(i);
            PlannedSession previous = placed.isEmpty() ? null : placed.get(placed.size() - 1);
            PlannedSession next = i + 1 < raw.size() ? raw.get(i + 1) : null;
            if (rules.closed().closedOn(session.localDate())) {
                session = moveWithinWeek(session, previous, next, rules).orElse(session);
            }
            List<String> reasons = rules.reasons(session, previous, next);
            if (!reasons.isEmpty()) {
                failures.add(Unschedulable.of(session, reasons, alternatives(session, previous, next, rules)));
            }
            placed.add(session);
        }
        return new Schedule(List.copyOf(placed), List.copyOf(failures));
    }

    /** Whether every occurrence can be booked (after moves off closed days); stops at the first that cannot. */
    public static boolean fits(CoursePlan pattern, BookingRules rules) {
        List<PlannedSession> raw = pattern.sessions();
        PlannedSession previous = null;
        for (int i = 0; i < raw.size(); i++) {
            PlannedSession session = raw.get(i);
            PlannedSession next = i + 1 < raw.size() ? raw.get(i + 1) : null;
            if (rules.closed().closedOn(session.localDate())) {
                session = moveWithinWeek(session, previous, next, rules).orElse(session);
            }
            if (!rules.allows(session, previous, next)) {
                return false;
            }
            previous = session;
        }
        return true;
    }

    /**
     * The nearest day of the same ISO week, between the neighbours, that satisfies every rule. Of two days equally
     * near, the one further from its closest neighbour wins: the patient gets the longer rest between sessions.
     */
    static Optional<PlannedSession> moveWithinWeek(PlannedSession session, PlannedSession previous,
            PlannedSession next, BookingRules rules) {
        LocalDate original = session.localDate();
        LocalDate monday = original.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.datesUntil(monday.plusWeeks(1))
                .filter(day -> !day.equals(original))
                .filter(day -> previous == null || day.isAfter(previous.localDate()))
                .filter(day -> next == null || day.isBefore(next.localDate()))
                .map(day -> PlannedSession.at(session.number(), day, session.localTime(),
                        (int) Duration.between(session.start(), session.end()).toMinutes(), rules.zone(), original))
                .filter(moved -> rules.allows(moved, previous, next))
                .min(Comparator.<PlannedSession>comparingLong(moved -> Math.abs(ChronoUnit.DAYS.between(original, moved.localDate())))
                        .thenComparing(moved -> rest(moved, previous, next), Comparator.reverseOrder()));
    }

    /** Start times near the refused one that satisfy every rule: the same day first, then the rest of the week. */
    static List<String> alternatives(PlannedSession session, PlannedSession previous, PlannedSession next,
            BookingRules rules) {
        LocalDate day = session.localDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> days = new ArrayList<>();
        days.add(day);
        monday.datesUntil(monday.plusWeeks(1)).filter(other -> !other.equals(day))
                .sorted(Comparator.comparingLong(other -> Math.abs(ChronoUnit.DAYS.between(day, other))))
                .forEach(days::add);
        List<String> found = new ArrayList<>(MAX_ALTERNATIVES);
        int minutes = (int) Duration.between(session.start(), session.end()).toMinutes();
        for (LocalDate candidateDay : days) {
            if (previous != null && !candidateDay.isAfter(previous.localDate())
                    || next != null && !candidateDay.isBefore(next.localDate())) {
                continue;
            }
            for (LocalTime time : times(rules.hours(), candidateDay, session.localTime(), minutes)) {
                PlannedSession candidate = PlannedSession.at(session.number(), candidateDay, time, minutes, rules.zone(),
                        session.movedFrom());
                if (!candidate.start().equals(session.start()) && rules.allows(candidate, previous, next)) {
                    found.add(SessionView.format(candidate.start()));
                    if (found.size() == MAX_ALTERNATIVES) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** The quarter hours a session of {@code minutes} may start on that day, nearest to {@code wanted} first. */
    public static List<LocalTime> times(OpeningHours hours, LocalDate day, LocalTime wanted, int minutes) {
        return hours.on(day.getDayOfWeek()).map(open -> {
            List<LocalTime> times = new ArrayList<>();
            for (LocalTime time = open.opens(); !time.plusMinutes(minutes).isAfter(open.closes())
                    && !time.isBefore(open.opens()); time = time.plusMinutes(STEP_MINUTES)) {
                times.add(time);
                if (time.plusMinutes(STEP_MINUTES).isBefore(time)) {
                    break;
                }
            }
            times.sort(Comparator.comparingLong(time -> Math.abs(ChronoUnit.MINUTES.between(wanted, time))));
            return times;
        }).orElse(List.of());
    }

    private static Duration rest(PlannedSession session, PlannedSession previous, PlannedSession next) {
        Duration before = previous == null ? Duration.ofDays(7) : Duration.between(previous.start(), session.start());
        Duration after = next == null ? Duration.ofDays(7) : Duration.between(session.start(), next.start());
        return before.compareTo(after) < 0 ? before : after;
    }
}
