package health.courses.scheduling.closure;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Closure", description = "Days the clinic is closed, both ends included")
public record ClosureView(
        UUID id,
        @Schema(example = "2027-04-02") LocalDate from,
        @Schema(example = "2027-04-02") LocalDate to,
        @Schema(nullable = true, example = "Good Friday") String reason,
        @Schema(example = "1") int version) {

    static ClosureView of(Closure closure) {
        return new ClosureView(closure.id, closure.firstDay, closure.lastDay, closure.reason, closure.version);
    }
}
