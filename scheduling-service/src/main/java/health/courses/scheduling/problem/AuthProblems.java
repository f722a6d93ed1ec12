package health.courses.scheduling.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 without a valid token, 403 without the role. The detail never echoes the token or why its signature
 * failed: that would help someone forging one.
 */
public class AuthProblems {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of("unauthorized", "Authentication required", Status.UNAUTHORIZED,
                "Send a valid bearer token in the Authorization header").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Not allowed", Status.FORBIDDEN,
                "Your token does not carry a role that may do this").toResponse();
    }
}
