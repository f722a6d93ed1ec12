package health.courses.scheduling.support;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A patient's replies to reminders exactly as notification-service publishes them (issue 18: CloudEvents binary mode on
 * patient-checkin-events, key = course id, ce_subject = the reply id), validated against the contract before use.
 */
public final class Replies {

    public static final String CONFIRMED = "session.confirmation-received.v1";
    public static final String RESCHEDULE = "session.reschedule-requested.v1";

    private Replies() {
    }

    /** One reply: what the patient said, about which session, when notification-service received it. */
    public record Reply(String type, UUID clinicId, UUID courseId, UUID sessionId, UUID replyId, String channel,
            Instant receivedAt) {

        public static Reply confirmation(UUID clinicId, UUID courseId, String sessionId, Instant receivedAt) {
            return new Reply(CONFIRMED, clinicId, courseId, UUID.fromString(sessionId), UUID.randomUUID(), "sms",
                    receivedAt);
        }

        public static Reply rescheduleRequest(UUID clinicId, UUID courseId, String sessionId, Instant receivedAt) {
            return new Reply(RESCHEDULE, clinicId, courseId, UUID.fromString(sessionId), UUID.randomUUID(), "email",
                    receivedAt);
        }

        public String data() {
            return """
                    {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","replyId":"%s",\
                    "channel":"%s","receivedAt":"%s"}""".formatted(clinicId, courseId, sessionId, UUID.randomUUID(),
                    replyId, channel, receivedAt);
        }

        /** The record with this ce_id; the same ce_id twice is a redelivery, a new one a republished reply. */
        public ProducerRecord<String, String> record(UUID eventId) {
            String data = data();
            EventSchemas.assertValid(type, data);
            return Replies.record(eventId, type, courseId.toString(), data);
        }
    }

    /** Any value under a reply's headers: for records the contract refuses (the poison tests). */
    public static ProducerRecord<String, String> record(UUID eventId, String type, String key, String value) {
        return CheckIns.record(eventId, type, key, value);
    }
}
