package health.courses.scheduling.practitioner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPractitioner")
public record NewPractitioner(@NotBlank @Size(max = 200) @Schema(example = "Dr. Weber") String name) {
}
