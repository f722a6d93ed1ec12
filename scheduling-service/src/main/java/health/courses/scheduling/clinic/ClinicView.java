package health.courses.scheduling.clinic;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Clinic", description = "The caller's clinic and the settings scheduling uses")
public record ClinicView(
        UUID id,
        @Schema(example = "Clinic") String name,
        @Schema(description = "IANA time zone of every session's wall-clock time", example = "Europe/Berlin") String zone,
        @Schema(description = "Opening hours per weekday; a weekday absent is closed") List<OpeningHours.Day> openingHours,
        @Schema(description = "Minimum hours between the starts of two sessions of a course", example = "44") int minGapHours,
        @Schema(description = "Whether a missed session is made up at the end of the course", example = "true")
        boolean makeUpSessions,
        @Schema(description = "Send it back as If-Match when changing the clinic", example = "1") int version) {

    static ClinicView of(Clinic clinic, OpeningHours hours) {
        return new ClinicView(clinic.id, clinic.name, clinic.zone, hours.days(), clinic.minGapHours,
                clinic.makeUpSessions, clinic.version);
    }
}
