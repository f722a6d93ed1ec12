package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 422s: the request is well-formed but the clinic's rules refuse it. */
public class RuleProblems {

    @ServerExceptionMapper
    public Response refused(RuleViolation e) {
        return e.problem().toResponse();
    }
}
