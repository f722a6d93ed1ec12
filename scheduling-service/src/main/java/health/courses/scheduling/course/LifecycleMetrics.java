package health.courses.scheduling.course;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What operators watch of booking and of the courses' lifecycle (Prometheus names):
 * {@code courses_bookings_total{outcome="booked"|"rejected",problem}} where problem is the refusal's type (slot-taken,
 * course-not-schedulable, evaluation-expired, ...; "none" when booked), and
 * {@code courses_session_changes_total{change="rescheduled"|"cancelled"|"missed"|"completed"}}. Counted after commit.
 */
@ApplicationScoped
class LifecycleMetrics {

    private final MeterRegistry registry;

    LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
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
