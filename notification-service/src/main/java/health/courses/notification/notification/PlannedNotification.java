package health.courses.notification.notification;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What to tell whom and when. {@code idempotencyKey} names the message in the clinic's terms (e.g.
 * {@code course-booked:<courseId>}), so planning the same message twice keeps the first plan.
 * {@code payload} is the template data, serialized to JSON; it never holds contact data.
 */
public record PlannedNotification(UUID clinicId, UUID patientId, UUID courseId, Optional<UUID> sessionId, String kind,
        String channel, OffsetDateTime dueAt, String idempotencyKey, Object payload) {
}
