package health.courses.scheduling.problem;

/**
 * A refusal that already knows how to explain itself to the client. Subclasses name the family (not found,
 * conflict, rule) so that each family has its own mapper.
 */
public abstract class ProblemException extends RuntimeException {

    private final Problem problem;

    protected ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
