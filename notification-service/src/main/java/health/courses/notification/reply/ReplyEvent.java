package health.courses.notification.reply;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code session.confirmation-received.v1} and {@code session.reschedule-requested.v1} (contract 1 of
 * issue 18), exactly the fields of their JSON Schemas: ids, channel and time. Never the message text or the number.
 *
 * @param replyId notification's id of the reply; with the CloudEvent id the consumer's idempotency key
 * @param channel {@code sms} or {@code email}
 */
record ReplyEvent(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID replyId, String channel,
        Instant receivedAt) {

    static final String CONFIRMATION_RECEIVED = "session.confirmation-received.v1";
    static final String RESCHEDULE_REQUESTED = "session.reschedule-requested.v1";
}
