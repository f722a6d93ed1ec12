package health.courses.scheduling.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the oldest unpublished event is older than {@code courses.outbox.ready-max-age}: bookings would
 * still commit, but nobody downstream would hear of them, so operators see why in {@code /q/health/ready} and a load
 * balancer prefers a replica that can publish. Liveness stays up: a restart does not bring a broker back.
 */
@Readiness
@ApplicationScoped
class OutboxReadiness implements HealthCheck {

    private final OutboxMetrics metrics;
    private final Duration maxAge;

    OutboxReadiness(OutboxMetrics metrics, OutboxConfig config) {
        this.metrics = metrics;
        this.maxAge = config.readyMaxAge();
    }

    @Override
    public HealthCheckResponse call() {
        double age = metrics.oldestAgeSeconds();
        return HealthCheckResponse.named("outbox")
                .status(age <= maxAge.toSeconds())
                .withData("backlog", metrics.backlog())
                .withData("oldestAgeSeconds", Math.round(age))
                .withData("maxAgeSeconds", maxAge.toSeconds())
                .build();
    }
}
