package health.courses.scheduling.course;

import health.courses.scheduling.problem.Dates;
import health.courses.scheduling.problem.InvalidInput;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A requested start: a local date-time read in the clinic's zone, or a date-time with an offset (any zone). */
final class StartTime {

    private StartTime() {
    }

    /** The clinic-local wall-clock time of the requested start; 400 naming {@code field} when unreadable. */
    static LocalDateTime parse(String field, String value, ZoneId zone) {
        String text = value.strip();
        LocalDateTime local;
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            // A year far outside the supported range cannot even be moved into the clinic's zone.
            Dates.require(field, withOffset.toLocalDate());
            local = withOffset.atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                local = LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "date-time",
                        "must be a local date-time such as 2027-05-05T11:00, or one with an offset such as 2027-05-05T11:00:00+02:00");
            }
        }
        Dates.require(field, local.toLocalDate());
        return local;
    }
}
