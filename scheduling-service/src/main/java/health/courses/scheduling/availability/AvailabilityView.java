package health.courses.scheduling.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Availability", description = "Where a whole course fits: per pattern, per start day, the free start times")
public record AvailabilityView(
        UUID practitionerId,
        UUID roomId,
        @Schema(example = "Europe/Berlin") String zone,
        @Schema(example = "2027-03-22") LocalDate from,
        @Schema(example = "2027-03-28") LocalDate to,
        @Schema(example = "3") int sessionsPerWeek,
        @Schema(example = "4") int weeks,
        @Schema(example = "30") int sessionMinutes,
        List<AvailablePattern> patterns) {
}
