package health.courses.notification.notification;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationPlanner {

    private final NotificationRepository notifications;
    private final ObjectMapper json;
    private final NotificationMetrics metrics;

    NotificationPlanner(NotificationRepository notifications, ObjectMapper json, NotificationMetrics metrics) {
        this.notifications = notifications;
        this.json = json;
        this.metrics = metrics;
    }

    /** Joins the caller's transaction; true when planned, false when the same message was planned before. */
    public Uni<Boolean> plan(PlannedNotification planned) {
        return planAll(List.of(planned)).map(count -> count == 1);
    }

    /**
     * Plans them all in one statement, in the caller's transaction; answers how many were new (the others were
     * planned before under the same idempotency key).
     */
    public Uni<Integer> planAll(List<PlannedNotification> plan) {
        // Planned inside the consumer's span: the send will continue the trace of the request that caused it.
        Optional<String> traceparent = SendTrace.current();
        return planTraced(plan.stream().map(planned -> new Traced(planned, traceparent)).toList());
    }

    /** {@link #planAll} for notifications planned from several events, each continuing its own event's trace. */
    public Uni<Integer> planTraced(List<Traced> plan) {
        if (plan.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<String> payloads = new java.util.ArrayList<>(plan.size());
        for (Traced traced : plan) {
            try {
                // one Jackson pass per payload, straight to text: the statement casts it to jsonb
                payloads.add(json.writeValueAsString(traced.planned().payload()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException unserializable) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "Payload of " + traced.planned().kind(), unserializable));
            }
        }
        return notifications.planAll(plan, payloads).map(inserted -> {
            for (Traced traced : plan) {
                PlannedNotification planned = traced.planned();
                if (inserted.contains(planned.idempotencyKey()) && planned.skipReason().isEmpty()) {
                    metrics.planned(planned);
                    PlannedDue.planned(planned.dueAt());
                }
            }
            return inserted.size();
        });
    }

    /** A notification to plan and the W3C traceparent its send will continue. */
    public record Traced(PlannedNotification planned, Optional<String> traceparent) {
    }
}
