package health.courses.scheduling.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What this service needs of one patient-checkin-events record: the CloudEvents id, type and source from the
 * headers and the ids and severity from the data. Parsing fails (and so sends the record to the dead-letter topic)
 * when a record is not a readable check-in event.
 */
record CheckInEvent(UUID id, String type, String source, UUID clinicId, UUID courseId, String severity) {

    static final String ESCALATED = "checkin.escalated.v1";

    static CheckInEvent of(ConsumerRecord<String, String> record, ObjectMapper json) {
        UUID id = uuid(header(record, "ce_id"), "ce_id header");
        String type = header(record, "ce_type");
        if (type == null || type.isBlank()) {
            throw new UnreadableCheckIn("no ce_type header");
        }
        String source = header(record, "ce_source");
        JsonNode data = data(record.value(), json);
        return new CheckInEvent(id, type, source == null ? "" : source, uuid(text(data, "clinicId"), "clinicId"),
                uuid(text(data, "courseId"), "courseId"), text(data, "severity"));
    }

    boolean escalated() {
        return ESCALATED.equals(type);
    }

    /** The hold's reason: which escalation, never the patient's answers. */
    String holdReason() {
        return "checkin-escalated:" + (severity == null ? "unknown" : severity);
    }

    private static JsonNode data(String value, ObjectMapper json) {
        if (value == null) {
            throw new UnreadableCheckIn("no value");
        }
        try {
            JsonNode data = json.readTree(value);
            if (data == null || !data.isObject()) {
                throw new UnreadableCheckIn("the value is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new UnreadableCheckIn("the value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static UUID uuid(String value, String what) {
        if (value == null) {
            throw new UnreadableCheckIn("no " + what);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableCheckIn(what + " is not a UUID");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that can never be processed; its message goes into the dead-letter headers, so it carries no data. */
    static final class UnreadableCheckIn extends RuntimeException {

        UnreadableCheckIn(String message) {
            super("unreadable check-in event: " + message);
        }
    }
}
