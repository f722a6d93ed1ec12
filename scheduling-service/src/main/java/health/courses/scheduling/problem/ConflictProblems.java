package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 409s and 412s: the request is valid but collides with what is already booked or with a newer version. */
public class ConflictProblems {

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return e.problem().toResponse();
    }

    /** 412: the If-Match version is stale; the change was not made. */
    @ServerExceptionMapper
    public Response stale(PreconditionFailed e) {
        return e.problem().toResponse();
    }
}
