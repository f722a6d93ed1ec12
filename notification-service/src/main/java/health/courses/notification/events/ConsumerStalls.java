package health.courses.notification.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import health.courses.notification.notification.ErrorText;

/**
 * Events whose transaction keeps failing for a transient reason (typically: the database is down). While any
 * is being retried the service is not ready, so a load balancer stops sending API traffic that would fail too,
 * and operators see why in {@code /q/health/ready}; liveness stays up, since a restart would not help.
 */
@Readiness
@ApplicationScoped
public class ConsumerStalls implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerStalls.class);

    private final Map<UUID, String> stalled = new ConcurrentHashMap<>();

    void failed(UUID eventId, Throwable failure) {
        String error = ErrorText.of(failure);
        if (stalled.put(eventId, error) == null) {
            LOG.warnf("Applying event %s failed; retrying until it succeeds: %s", eventId, error);
        }
    }

    void cleared(UUID eventId) {
        if (stalled.remove(eventId) != null) {
            LOG.infof("Event %s applied after retries", eventId);
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("course-events-consumer").status(stalled.isEmpty());
        stalled.values().stream().findFirst().ifPresent(error -> response.withData("lastError", error));
        return response.withData("stalledEvents", stalled.size()).build();
    }
}
