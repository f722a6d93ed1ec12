package health.courses.notification.notification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        String payload;
        try {
            payload = json.writeValueAsString(planned.payload());
        } catch (JsonProcessingException unserializable) {
            return Uni.createFrom().failure(new IllegalArgumentException("Payload of " + planned.kind(), unserializable));
        }
        // Planned inside the consumer's span: the send will continue the trace of the request that caused it.
        String traceparent = SendTrace.current().orElse(null);
        return notifications.plan(UUID.randomUUID(), planned, payload, traceparent)
                .invoke(inserted -> {
                    if (inserted && planned.skipReason().isEmpty()) {
                        metrics.planned(planned);
                        PlannedDue.planned(planned.dueAt());
                    }
                });
    }
}
