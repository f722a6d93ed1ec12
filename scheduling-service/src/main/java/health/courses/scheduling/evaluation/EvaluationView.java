package health.courses.scheduling.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Evaluation", description = "A clinical evaluation of a patient")
public record EvaluationView(
        UUID id,
        UUID patientId,
        @Schema(example = "2027-03-15") LocalDate date,
        @Schema(example = "Dr. Weber") String clinician,
        @Schema(example = "[\"chronic-prostatitis\", \"congestion\"]") List<Finding> findings,
        @Schema(example = "1") int version) {

    static EvaluationView of(Evaluation evaluation) {
        return new EvaluationView(evaluation.id, evaluation.patientId, evaluation.evaluatedOn, evaluation.clinician,
                evaluation.findingList(), evaluation.version);
    }
}
