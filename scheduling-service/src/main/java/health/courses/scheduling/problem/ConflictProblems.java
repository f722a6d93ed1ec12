package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 409s: the request is valid but collides with what is already booked. */
public class ConflictProblems {

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return e.problem().toResponse();
    }
}
