package health.courses.scheduling.problem;

/** A well-formed request the clinic's rules refuse (an unknown practitioner, sessions too close). Answers 422. */
public class RuleViolation extends ProblemException {

    public RuleViolation(Problem problem) {
        super(problem);
    }
}
