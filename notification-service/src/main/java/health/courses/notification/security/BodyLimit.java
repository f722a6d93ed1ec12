package health.courses.notification.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code quarkus.http.limits.max-body-size} refuses a larger body with a bare 413. A request that announces its size
 * gets the refusal here first, as Problem Details like every other error, before a byte of the body is read.
 * A chunked body without Content-Length still meets Quarkus' own limit (bare 413).
 */
@ApplicationScoped
class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                JsonObject problem = new JsonObject()
                        .put("type", "https://courses.health/problems/request-entity-too-large")
                        .put("title", "Request Entity Too Large").put("status", 413)
                        .put("detail", "The request body exceeds " + maxBytes + " bytes");
                context.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
