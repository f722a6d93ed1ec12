package health.courses.scheduling.evaluation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvaluationList", description = "A page of a patient's evaluations, newest first")
public record EvaluationList(
        List<EvaluationView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
