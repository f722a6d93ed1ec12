package health.courses.scheduling.outbox;

import java.time.Instant;
import java.util.UUID;

/** A pending outbox row as the relay reads it: everything needed to build the Kafka record. */
record OutboxRow(UUID id, UUID aggregateId, String type, String subject, Instant occurredAt, String payload,
        int attempts, String traceparent) {
}
