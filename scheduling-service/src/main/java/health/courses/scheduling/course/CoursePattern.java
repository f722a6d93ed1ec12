package health.courses.scheduling.course;

import health.courses.scheduling.clinic.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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

    /**
     * Absent weekdays are chosen as the first even spread whose every day is open at the requested time: Mon+Thu,
     * else Tue+Fri, else Wed+Sat for two a week; Mon+Wed+Fri, else Tue+Thu+Sat for three. Given weekdays are kept.
     */
    public static CoursePattern choose(int sessionsPerWeek, int weeks, List<DayOfWeek> weekdays, OpeningHours hours,
            LocalTime time, int minutes) {
        if (weekdays != null && !weekdays.isEmpty()) {
            return new CoursePattern(weekdays, sessionsPerWeek, weeks);
        }
        List<List<DayOfWeek>> spreads = spreadsOver(sessionsPerWeek);
        return new CoursePattern(spreads.stream()
                .filter(days -> days.stream().allMatch(day -> hours.on(day)
                        .filter(open -> !time.isBefore(open.opens()) && !time.plusMinutes(minutes).isAfter(open.closes()))
                        .isPresent()))
                .findFirst().orElse(spreads.get(0)), sessionsPerWeek, weeks);
    }

    /** The given weekdays, or every even spread the system would choose from when none are given. */
    public static List<CoursePattern> candidates(int sessionsPerWeek, int weeks, List<DayOfWeek> weekdays) {
        if (weekdays != null && !weekdays.isEmpty()) {
            return List.of(new CoursePattern(weekdays, sessionsPerWeek, weeks));
        }
        return spreadsOver(sessionsPerWeek).stream().map(days -> new CoursePattern(days, sessionsPerWeek, weeks)).toList();
    }

    static List<DayOfWeek> spreadOver(int sessionsPerWeek) {
        return spreadsOver(sessionsPerWeek).get(0);
    }

    private static List<List<DayOfWeek>> spreadsOver(int sessionsPerWeek) {
        return switch (sessionsPerWeek) {
            case 2 -> List.of(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY),
                    List.of(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY));
            case 3 -> List.of(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY));
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
