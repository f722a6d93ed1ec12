package health.courses.scheduling.problem;

/** A valid request that collides with the current state (a taken slot, a stale version). Answers 409. */
public class Conflict extends ProblemException {

    public Conflict(Problem problem) {
        super(problem);
    }
}
