package health.courses.scheduling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code quarkus.http.limits.max-body-size} answered as Problem Details: Quarkus refuses a declared Content-Length over
 * the limit with an empty 413; this filter runs just before it and gives the same refusal a body a client can read.
 * Nothing of the body is read either way, and the connection is closed, as Quarkus does.
 */
@ApplicationScoped
class BodyLimit {

    /** After {@link RequestIds} (so the 413 carries the request id), before Quarkus' own check. */
    private static final int PRIORITY = 90_000;

    private final long maxBytes;
    private final String refusal;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBytes = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.refusal = json.writeValueAsString(Problem.of("request-entity-too-large", "Request Entity Too Large", 413,
                "The request body is larger than the " + maxBytes + " bytes this API accepts"));
    }

    void install(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            request.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(refusal);
            return;
        }
        request.next();
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
