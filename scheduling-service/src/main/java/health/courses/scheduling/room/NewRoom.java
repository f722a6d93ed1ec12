package health.courses.scheduling.room;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRoom")
public record NewRoom(@NotBlank @Size(max = 200) @Schema(example = "Room 2") String name) {
}
