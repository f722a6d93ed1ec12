package health.courses.scheduling.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** A session as planned before anything is written: its number, clinic-local date and time, and instants. */
public record PlannedSession(int number, LocalDate localDate, LocalTime localTime, ZonedDateTime start,
        ZonedDateTime end) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.toInstant().isBefore(otherEnd) && end.toInstant().isAfter(otherStart);
    }
}
