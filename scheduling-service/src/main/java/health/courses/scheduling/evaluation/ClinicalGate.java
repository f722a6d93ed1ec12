package health.courses.scheduling.evaluation;

import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A course is prescribed after an evaluation: the newest evaluation on or before the course's start must exist,
 * be at most 30 days old at that start, and show no contraindicated finding. Refusals are machine-readable.
 */
@ApplicationScoped
public class ClinicalGate {

    public static final int MAX_EVALUATION_AGE_DAYS = 30;

    private final EvaluationRepository evaluations;

    ClinicalGate(EvaluationRepository evaluations) {
        this.evaluations = evaluations;
    }

    /** Runs in the caller's session (the booking transaction). */
    public Uni<Evaluation> require(UUID clinicId, UUID patientId, LocalDate startDate) {
        return evaluations.newestOnOrBefore(clinicId, patientId, startDate)
                .map(evaluation -> check(evaluation, patientId, startDate));
    }

    /**
     * The gate itself, on the newest evaluation on or before the start (null when there is none): pure, so the
     * booking can read the evaluation together with everything else it needs in one query.
     */
    public static Evaluation check(Evaluation evaluation, UUID patientId, LocalDate startDate) {
        if (evaluation == null) {
            throw new RuleViolation(Problem.of("evaluation-required", "Evaluation required", 422,
                    "Patient " + patientId + " has no evaluation on or before " + startDate
                            + "; record one with POST /api/v1/patients/" + patientId + "/evaluations")
                    .with("patientId", patientId));
        }
        long age = ChronoUnit.DAYS.between(evaluation.evaluatedOn, startDate);
        if (age > MAX_EVALUATION_AGE_DAYS) {
            throw new RuleViolation(Problem.of("evaluation-expired", "Evaluation expired", 422,
                    "The newest evaluation is of " + evaluation.evaluatedOn + ", " + age + " days before the start "
                            + startDate + "; at most " + MAX_EVALUATION_AGE_DAYS + " days are allowed: re-evaluate first")
                    .with("evaluationId", evaluation.id)
                    .with("evaluationDate", evaluation.evaluatedOn.toString())
                    .with("maxAgeDays", MAX_EVALUATION_AGE_DAYS)
                    .with("validUntil", evaluation.evaluatedOn.plusDays(MAX_EVALUATION_AGE_DAYS).toString()));
        }
        List<String> contraindicated = evaluation.findingList().stream().filter(Finding::contraindicated)
                .map(Finding::code).toList();
        if (!contraindicated.isEmpty()) {
            throw new RuleViolation(Problem.of("contraindicated", "Contraindicated", 422,
                    "The evaluation of " + evaluation.evaluatedOn + " found " + String.join(" and ", contraindicated)
                            + ": a course must not be scheduled")
                    .with("evaluationId", evaluation.id)
                    .with("findings", contraindicated));
        }
        return evaluation;
    }
}
