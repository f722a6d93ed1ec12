package health.courses.notification.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Protocol-level refusals (wrong method, media type, ...): the status stays, the body becomes a problem. */
public class HttpProblems {

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status == 400) {
            return ValidationProblems.badRequest(exception.getCause());
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        // The same derivation as scheduling-service's, so both services name a protocol refusal alike.
        String cause = status == 500 ? "internal"
                : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail = status >= 500 ? "The request could not be processed" : title;
        return Problem.of(cause, title, status, detail).response();
    }
}
