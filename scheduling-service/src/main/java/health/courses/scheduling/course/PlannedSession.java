package health.courses.scheduling.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A session as planned before anything is written: its number, clinic-local date and time, and instants.
 * {@code movedFrom} is the pattern date it replaces when a closure moved it (null when it is on its pattern day).
 */
public record PlannedSession(int number, LocalDate localDate, LocalTime localTime, ZonedDateTime start,
        ZonedDateTime end, LocalDate movedFrom) {

    public static PlannedSession at(int number, LocalDate date, LocalTime time, int minutes,
            ZoneId zone, LocalDate movedFrom) {
        ZonedDateTime start = ZonedDateTime.of(date, time, zone);
        return new PlannedSession(number, date, start.toLocalTime(), start, start.plusMinutes(minutes), movedFrom);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.toInstant().isBefore(otherEnd) && end.toInstant().isAfter(otherStart);
    }
}
