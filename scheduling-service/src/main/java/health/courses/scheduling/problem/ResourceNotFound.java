package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.UUID;

/** The resource does not exist for the caller's clinic (another clinic's id answers the same way). */
public final class ResourceNotFound extends ProblemException {

    public ResourceNotFound(String resource, UUID id) {
        super(Problem.of("not-found", "Not found", Status.NOT_FOUND, "No " + resource + " " + id + " in your clinic"));
    }
}
