package health.courses.scheduling.closure;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Either {@code date} for one day, or {@code from} and {@code to} (both included) for a range. */
@Schema(name = "NewClosure", description = "One day (date) or a range (from, to; both included)")
public record NewClosure(
        @Schema(example = "2027-04-02") LocalDate date,
        @Schema(example = "2027-12-24") LocalDate from,
        @Schema(example = "2027-12-31") LocalDate to,
        @Size(max = 500) @Schema(example = "Good Friday") String reason) {
}
