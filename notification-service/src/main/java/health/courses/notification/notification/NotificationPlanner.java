package health.courses.notification.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ArrayNode rows = json.createArrayNode();
        try {
            for (Traced traced : plan) {
                rows.add(row(traced.planned(), traced.traceparent().orElse(null)));
            }
        } catch (IllegalArgumentException unserializable) {
            return Uni.createFrom().failure(unserializable);
        }
        return notifications.planAll(rows.toString()).map(inserted -> {
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

    private ObjectNode row(PlannedNotification planned, String traceparent) {
        ObjectNode row = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("clinic_id", planned.clinicId().toString())
                .put("patient_id", planned.patientId().toString())
                .put("course_id", planned.courseId().toString())
                .put("session_id", planned.sessionId().map(UUID::toString).orElse(null))
                .put("session_version", planned.sessionVersion().orElse(null))
                .put("kind", planned.kind())
                .put("channel", planned.channel())
                .put("due_at", planned.dueAt().toString())
                .put("idempotency_key", planned.idempotencyKey())
                .put("skip_reason", planned.skipReason().orElse(null))
                .put("traceparent", traceparent);
        try {
            row.set("payload", json.valueToTree(planned.payload()));
        } catch (IllegalArgumentException unserializable) {
            throw new IllegalArgumentException("Payload of " + planned.kind(), unserializable);
        }
        return row;
    }
}
