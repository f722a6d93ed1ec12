package health.courses.scheduling.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending input in a validation problem: which field, which rule it broke, and a readable message. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(example = "sessionsPerWeek") String field,
        @Schema(example = "max") String rule,
        @Schema(example = "must be 2 or 3") String message) {
}
