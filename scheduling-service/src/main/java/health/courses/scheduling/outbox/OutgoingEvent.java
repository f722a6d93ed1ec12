package health.courses.scheduling.outbox;

import java.util.UUID;

/**
 * An event to publish once the change that caused it commits. {@code aggregateId} is the Kafka key and the unit
 * of ordering (the course id); {@code subject} becomes ce_subject; {@code data} is serialised to the JSON value.
 */
public record OutgoingEvent(UUID clinicId, String aggregateType, UUID aggregateId, String type, String subject,
        Object data) {
}
