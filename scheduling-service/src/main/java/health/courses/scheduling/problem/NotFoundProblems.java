package health.courses.scheduling.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 404s: a resource the caller's clinic does not have, and paths that name nothing. */
public class NotFoundProblems {

    @ServerExceptionMapper
    public Response resource(ResourceNotFound e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response path(NotFoundException e) {
        return Problem.of("not-found", "Not found", Status.NOT_FOUND, "Nothing is found at this path").toResponse();
    }
}
