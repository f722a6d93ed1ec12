package health.courses.scheduling.course;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A course's weekly pattern, kept as an RFC 5545 RRULE so calendars and integrators read it as is, and expanded
 * into local dates by lib-recur rather than by hand-rolled date loops.
 */
public record CoursePattern(List<DayOfWeek> weekdays, int sessionsPerWeek, int weeks) {

    public CoursePattern {
        weekdays = weekdays.stream().distinct().sorted().toList();
    }

    /** Absent weekdays are chosen spread over the week, never on consecutive days. */
    public static CoursePattern of(int sessionsPerWeek, int weeks, List<DayOfWeek> weekdays) {
        List<DayOfWeek> days = weekdays != null && !weekdays.isEmpty() ? weekdays : spreadOver(sessionsPerWeek);
        return new CoursePattern(days, sessionsPerWeek, weeks);
    }

    static List<DayOfWeek> spreadOver(int sessionsPerWeek) {
        return switch (sessionsPerWeek) {
            case 2 -> List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
            case 3 -> List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            default -> throw new IllegalArgumentException("No spread for " + sessionsPerWeek + " sessions a week");
        };
    }

    public int sessionCount() {
        return sessionsPerWeek * weeks;
    }

    /** e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12 */
    public String recurrence() {
        String byDay = weekdays.stream().map(day -> day.name().substring(0, 2)).collect(Collectors.joining(","));
        return "FREQ=WEEKLY;BYDAY=" + byDay + ";COUNT=" + sessionCount();
    }

    /**
     * The local dates of every session from {@code from} on. The expansion starts on the first pattern day on or
     * after {@code from}, because RFC 5545 counts the start as an occurrence even when it is off the pattern.
     */
    public List<LocalDate> dates(LocalDate from) {
        LocalDate first = from.datesUntil(from.plusWeeks(1))
                .filter(day -> weekdays.contains(day.getDayOfWeek()))
                .findFirst()
                .orElseThrow();
        RecurrenceRuleIterator occurrences = rule().iterator(
                new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth()));
        List<LocalDate> dates = new ArrayList<>(sessionCount());
        while (occurrences.hasNext()) {
            DateTime next = occurrences.nextDateTime();
            dates.add(LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth()));
        }
        return dates;
    }

    private RecurrenceRule rule() {
        try {
            return new RecurrenceRule(recurrence());
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("Generated an invalid RRULE " + recurrence(), e);
        }
    }
}
