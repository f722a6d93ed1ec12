package health.courses.scheduling.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewEvaluation", description = "A clinical evaluation: when, by whom, and the findings as codes")
public record NewEvaluation(
        @NotNull @Schema(description = "Clinic-local date of the evaluation; not in the future", example = "2027-03-15")
        LocalDate date,
        @NotBlank @Size(max = 200) @Schema(description = "The evaluating clinician's name or id", example = "Dr. Weber")
        String clinician,
        @NotNull @Size(max = 10) @Schema(description = "Finding codes; may be empty", example = "[\"chronic-prostatitis\", \"congestion\"]")
        List<@NotNull Finding> findings) {
}
