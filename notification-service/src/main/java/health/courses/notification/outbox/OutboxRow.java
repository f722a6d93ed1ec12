package health.courses.notification.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pending event as the relay reads it. */
record OutboxRow(UUID id, UUID courseId, String type, String subject, OffsetDateTime occurredAt, String payload,
        int attempts) {
}
