package health.courses.notification.problem;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class NotFoundProblems {

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(NotFound exception) {
        return Problem.of("not-found", "Not found", 404, exception.getMessage()).response();
    }

    /** Unknown paths, and path parameters that are not ids (JAX-RS answers those with 404 too). */
    @ServerExceptionMapper
    public RestResponse<Problem> noResource(jakarta.ws.rs.NotFoundException exception) {
        return Problem.of("not-found", "Not found", 404, "No such resource").response();
    }
}
