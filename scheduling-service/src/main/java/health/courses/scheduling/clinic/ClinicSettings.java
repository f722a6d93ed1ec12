package health.courses.scheduling.clinic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/clinic: the whole settings; absent optional members take their defaults. */
@Schema(name = "ClinicSettings", description = "The clinic's settings; a weekday absent from openingHours is closed")
public record ClinicSettings(
        @NotBlank @Size(max = 200) @Schema(example = "Praxis am Markt") String name,
        @NotBlank @Schema(description = "IANA time zone", example = "Europe/Berlin") String zone,
        @NotNull @Size(max = 7) @Schema(description = "At most one entry per weekday")
        List<OpeningHours.@NotNull @Valid Day> openingHours,
        @Min(0) @Max(168) @Schema(description = "Minimum hours between session starts; 44 when absent", example = "44")
        Integer minGapHours,
        @Schema(description = "Whether a missed session is made up at the end of the course; true when absent", example = "true")
        Boolean makeUpSessions) {
}
