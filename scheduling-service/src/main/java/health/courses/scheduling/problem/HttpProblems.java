package health.courses.scheduling.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Protocol-level refusals raised by the REST layer itself (wrong method, media type, unreadable body), so that
 * every error a client sees is Problem Details. Server errors keep their status and say nothing internal.
 */
public class HttpProblems {

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (findJson(e) instanceof JsonProcessingException json) {
            return ValidationProblems.problem(List.of(ValidationProblems.fromJson(json))).toResponse();
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Status.fromStatusCode(status);
        String reason = type != null ? type.getReasonPhrase() : "HTTP " + status;
        // 500 is "internal" as AbuseProblems names it; notification-service derives every other cause the same way.
        String cause = status == 500 ? "internal" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return Problem.of(cause, reason, status, status >= 500
                ? "The service could not complete the request" : "The request was refused: " + reason)
                .toResponse();
    }

    private static Throwable findJson(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException) {
                return cause;
            }
        }
        return null;
    }
}
