package health.courses.notification.reply;

import java.time.Instant;
import java.util.UUID;

/**
 * One reply as recorded in {@code patient_reply}: who answered, what they asked for and which session it applies to.
 * Never the text and never the phone number.
 *
 * @param deliveryKey the provider's MessageSid, or the mail link's action and session: a repeat finds the row
 * @param patientId   null when no contact of the clinic has the sender's number
 */
record Reply(UUID id, UUID clinicId, String channel, String deliveryKey, UUID patientId, String keyword,
        UUID sessionId, UUID courseId, Instant receivedAt) {
}
