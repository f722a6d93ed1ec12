package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response.Status;

/** If-Match named a version that is no longer current: someone changed the resource since the client read it. */
public final class PreconditionFailed extends ProblemException {

    public PreconditionFailed(String resource, int current) {
        super(Problem.of("version-mismatch", "Version mismatch", Status.PRECONDITION_FAILED,
                "The " + resource + " changed since you read it; it is now at version " + current
                        + ". Read it again and retry with If-Match: \"" + current + "\"")
                .with("currentVersion", current));
    }
}
