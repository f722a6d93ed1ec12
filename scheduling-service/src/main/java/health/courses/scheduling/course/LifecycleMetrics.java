package health.courses.scheduling.course;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What operators watch of booking and of the courses' lifecycle (Prometheus names):
 * {@code courses_bookings_total{outcome="booked"|"rejected",problem}} where problem is the refusal's type (slot-taken,
 * course-not-schedulable, evaluation-expired, ...; "none" when booked), and
 * {@code courses_session_changes_total{change="rescheduled"|"cancelled"|"missed"|"completed"}}. Counted after commit.
 */
@Startup
@ApplicationScoped
class LifecycleMetrics {

    private final MeterRegistry registry;

    /** Registers the series at start, so a dashboard and an alert have a zero to compare with from the first scrape. */
    LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.counter("courses.bookings", "outcome", "booked", "problem", "none");
        for (SessionChange change : SessionChange.values()) {
            registry.counter("courses.session.changes", "change", change.word());
        }
    }

    void booked() {
        registry.counter("courses.bookings", "outcome", "booked", "problem", "none").increment();
    }

    void rejected(String problem) {
        registry.counter("courses.bookings", "outcome", "rejected", "problem", problem).increment();
    }

    void sessionChanged(SessionChange change) {
        registry.counter("courses.session.changes", "change", change.word()).increment();
    }
}
