package health.courses.notification.security;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Every request gets an id (team contract): the caller's {@code X-Request-Id} when it is a short token of safe
 * characters, otherwise a fresh UUID, so a hostile header can neither forge log lines nor bloat them. The id is
 * echoed on every response, put into the log MDC as {@code requestId}, and stored with each audit entry.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Before every other route, including security, the body limit and the management endpoints. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = accepted(context.request().getHeader(HEADER));
            context.put(MDC_KEY, id);
            // Request handling runs on this request's duplicated Vert.x context, where Quarkus keeps the MDC.
            MDC.put(MDC_KEY, id);
            // Set as the headers go out, so even a response that was reset on the way (an error page) carries it.
            context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
            context.next();
        });
    }

    static String accepted(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** The id of the request being handled, if this runs for one. */
    public static Optional<String> current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }
}
