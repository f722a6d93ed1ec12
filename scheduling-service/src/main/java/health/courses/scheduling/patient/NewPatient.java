package health.courses.scheduling.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPatient", description = "A patient for scheduling; no names or contact details here")
public record NewPatient(
        @NotBlank @Size(max = 200) @Schema(description = "The clinic's own id for the patient, unique in the clinic", example = "PAT-2027-0042")
        String externalReference,
        @NotBlank @Schema(description = "IANA time zone the patient lives in", example = "Europe/Berlin") String zone,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or de-CH")
        @Schema(description = "BCP 47 language tag", example = "de") String language) {
}
