package health.courses.scheduling.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 for a clinic over its rate limit, and the last resort for anything unexpected: a 500 that says nothing internal. */
public class AbuseProblems {

    private static final Logger LOG = Logger.getLogger(AbuseProblems.class);

    @ServerExceptionMapper
    public Response rateLimited(RateLimited e) {
        return Response.fromResponse(e.problem().toResponse())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    /**
     * A failure no other mapper knows is a bug of ours: logged with its stack (the MDC carries the request id), and
     * answered as Problem Details without the exception's message, which might name tables or values.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure answering a request", e);
        return Problem.of("internal", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "The service could not complete the request; quote the X-Request-Id header when reporting it").toResponse();
    }
}
