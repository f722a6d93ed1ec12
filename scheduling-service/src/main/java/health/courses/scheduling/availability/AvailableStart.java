package health.courses.scheduling.availability;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A day a course may start on, and each start time at which every session of the course can be booked. */
@Schema(name = "AvailableStart")
public record AvailableStart(
        @Schema(example = "2027-03-22") LocalDate date,
        @Schema(description = "Clinic-local start times with their offset; the whole course fits at each",
                example = "[\"2027-03-22T08:00:00+01:00\", \"2027-03-22T08:15:00+01:00\"]") List<String> startTimes) {
}
