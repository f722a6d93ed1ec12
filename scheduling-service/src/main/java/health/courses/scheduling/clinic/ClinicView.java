package health.courses.scheduling.clinic;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Clinic", description = "The caller's clinic and the settings scheduling uses")
public record ClinicView(
        UUID id,
        @Schema(example = "Clinic") String name,
        @Schema(description = "IANA time zone of every session's wall-clock time", example = "Europe/Berlin") String zone,
        @Schema(description = "Minimum hours between the starts of two sessions of a course", example = "44") int minGapHours,
        @Schema(example = "1") int version) {

    static ClinicView of(Clinic clinic) {
        return new ClinicView(clinic.id, clinic.name, clinic.zone, clinic.minGapHours, clinic.version);
    }
}
