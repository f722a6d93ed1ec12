package health.courses.scheduling.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * {@code X-Request-Id} on every request: a caller's id is kept when it is a plain token ({@code [A-Za-z0-9._-]{1,64}}),
 * anything else (absent, too long, with spaces or control characters that could forge log lines) is replaced by a
 * fresh UUID. The id is echoed on every response (errors, 401s and 413s included), put in the log MDC as
 * {@code requestId} and stored with each audit entry. A Vert.x filter rather than a JAX-RS one, so it also covers
 * answers the REST layer never sees.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Before authentication and every other filter, so even a refused request has its id. */
    private static final int PRIORITY = 100_000;

    void install(@Observes Filters filters) {
        filters.register(RequestIds::handle, PRIORITY);
    }

    static void handle(RoutingContext request) {
        String id = accept(request.request().getHeader(HEADER));
        request.put(MDC_KEY, id);
        // Quarkus keeps the MDC in the request's (duplicated) Vert.x context, so it follows the request across threads.
        MDC.put(MDC_KEY, id);
        request.addHeadersEndHandler(ignored -> request.response().headers().set(HEADER, id));
        request.next();
    }

    /** The caller's id when it is acceptable, else a fresh one. */
    public static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of a request this filter saw; null outside an HTTP request. */
    public static String of(RoutingContext request) {
        return request == null ? null : request.get(MDC_KEY);
    }
}
