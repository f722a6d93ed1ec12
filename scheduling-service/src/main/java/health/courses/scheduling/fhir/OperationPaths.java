package health.courses.scheduling.fhir;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * FHIR operations are named with a {@code $} ({@code ServiceRequest/$book-course}). Some clients send it
 * percent-encoded ({@code %24}), and the HTTP layer keeps a reserved character encoded, so such a request would
 * miss the operation and land on {@code ServiceRequest/{id}}. This puts the {@code $} back before routing.
 */
@ApplicationScoped
public class OperationPaths {

    private static final String ENCODED_DOLLAR = "%24";

    void decodeOperationNames(@Observes Router router) {
        router.route("/fhir/*").order(-100).handler(context -> {
            String path = context.request().path();
            if (path.contains(ENCODED_DOLLAR)) {
                String query = context.request().query();
                context.reroute(path.replace(ENCODED_DOLLAR, "$") + (query == null ? "" : "?" + query));
            } else {
                context.next();
            }
        });
    }
}
