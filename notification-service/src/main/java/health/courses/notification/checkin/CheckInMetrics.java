package health.courses.notification.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registers the check-in series at start ({@code courses_checkins_answered_total{severity}},
 * {@code courses_checkins_unanswered_total}), so the urgent-escalation alert compares against a zero from the first
 * scrape instead of a series that appears only with the first urgent answer.
 */
@Startup
@ApplicationScoped
class CheckInMetrics {

    CheckInMetrics(MeterRegistry registry) {
        for (Severity severity : Severity.values()) {
            registry.counter("courses.checkins.answered", "severity", severity.code());
        }
        registry.counter("courses.checkins.unanswered");
    }
}
