package health.courses.scheduling.patient;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Patient", description = "A patient as scheduling knows them")
public record PatientView(
        @Schema(description = "Use it as patientId here and in notification-service") UUID id,
        @Schema(nullable = true, example = "PAT-2027-0042") String externalReference,
        @Schema(example = "Europe/Berlin") String zone,
        @Schema(example = "de") String language,
        @Schema(example = "1") int version) {

    static PatientView of(Patient patient) {
        return new PatientView(patient.id, patient.externalReference, patient.zone, patient.language, patient.version);
    }
}
