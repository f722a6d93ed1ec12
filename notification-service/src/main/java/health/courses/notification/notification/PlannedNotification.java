package health.courses.notification.notification;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What to tell whom and when. {@code idempotencyKey} names the message in the clinic's terms (e.g.
 * {@code course-booked:<courseId>}), so planning the same message twice keeps the first plan.
 * {@code payload} is the template data, serialized to JSON; it never holds contact data.
 *
 * @param sessionVersion the session version a reminder was planned from; at send time it must still be current
 * @param skipReason present when the message is recorded but will never be sent (e.g. {@code past-due})
 */
public record PlannedNotification(UUID clinicId, UUID patientId, UUID courseId, Optional<UUID> sessionId,
        Optional<Long> sessionVersion, String kind, String channel, OffsetDateTime dueAt, String idempotencyKey,
        Object payload, Optional<String> skipReason) {
}
