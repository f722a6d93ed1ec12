package health.courses.scheduling.availability;

import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One weekly pattern and the start days and times at which a course following it can be booked. */
@Schema(name = "AvailablePattern")
public record AvailablePattern(
        @Schema(example = "[\"MONDAY\", \"WEDNESDAY\", \"FRIDAY\"]") List<DayOfWeek> weekdays,
        @Schema(example = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12") String recurrence,
        List<AvailableStart> starts) {
}
