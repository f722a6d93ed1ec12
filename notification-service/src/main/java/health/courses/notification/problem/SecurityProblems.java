package health.courses.notification.problem;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** 401 and 403 as problems too, so a client handles every error one way. */
public class SecurityProblems {

    @ServerExceptionMapper(value = { UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthenticated(RuntimeException exception) {
        // Named as scheduling-service names it, and as HttpProblems derives it from the 401 reason phrase.
        Problem problem = Problem.of("unauthorized", "Authentication required", 401,
                "A valid bearer token is required");
        return RestResponse.ResponseBuilder.<Problem> create(401).entity(problem)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException exception) {
        String detail = exception.getMessage() == null || exception.getMessage().isBlank()
                ? "The token does not grant a role this operation needs"
                : exception.getMessage();
        return Problem.of("forbidden", "Forbidden", 403, detail).response();
    }
}
