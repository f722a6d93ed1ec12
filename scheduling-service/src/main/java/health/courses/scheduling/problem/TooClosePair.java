package health.courses.scheduling.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of one {@code pairs} member of a sessions-too-close problem, for the OpenAPI document only: the booking
 * rules write it as a map (course.CoursePlan), and the contract tests check that both agree.
 */
@Schema(name = "TooClosePair", description = "Two consecutive sessions that start too close together")
record TooClosePair(
        @Schema(description = "Their numbers in the course", example = "[1, 2]") List<Integer> numbers,
        @Schema(description = "Whole hours between their starts", example = "24") long hoursApart) {
}
