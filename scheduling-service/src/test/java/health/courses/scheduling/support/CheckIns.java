package health.courses.scheduling.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Check-in events exactly as notification-service publishes them, validated against the contract before use. */
public final class CheckIns {

    public static final String TOPIC = "patient-checkin-events";

    private CheckIns() {
    }

    public static ProducerRecord<String, String> event(UUID eventId, String type, UUID clinicId, UUID courseId,
            String severity) {
        String data = """
                {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","checkInId":"%s",\
                "severity":"%s","ruleVersion":1,"occurredAt":"%s"}""".formatted(clinicId, courseId, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), severity, Instant.now());
        EventSchemas.assertValid(type, data);
        return record(eventId, type, courseId.toString(), data);
    }

    /** Any value on patient-checkin-events under notification-service's CloudEvents headers (binary mode). */
    public static ProducerRecord<String, String> record(UUID eventId, String type, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId.toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/notification-service"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(UUID.randomUUID().toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(TOPIC, null, key, value, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
